import {
  type CustomerProfiling,
  type ProfilingAnswersUpdate,
  type ProfilingHistory,
  type ProfilingSet,
  type ProfilingSetCreate,
  type ProfilingSetUpdate,
  type ProfilingValue,
  checkProfilingValue,
  isChoiceKind,
  sameProfilingValue,
} from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { AppError, type ErrorDetail, notFound } from "../../shared/app-error";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { ProfilingRepository, QuestionWrite } from "./profiling.repository";

export interface ProfilingService {
  listSets(includeInactive: boolean, user: CurrentUser): Promise<ProfilingSet[]>;
  createSet(input: ProfilingSetCreate, user: CurrentUser): Promise<ProfilingSet>;
  updateSet(id: string, input: ProfilingSetUpdate, user: CurrentUser): Promise<ProfilingSet>;
  forCustomer(customerId: string): Promise<CustomerProfiling>;
  answer(customerId: string, input: ProfilingAnswersUpdate, user: CurrentUser): Promise<CustomerProfiling>;
  history(customerId: string, questionId?: string): Promise<ProfilingHistory>;
}

const refuse = (code: "bad_request" | "conflict", details: ErrorDetail[]) =>
  new AppError(code, details.map((detail) => `${detail.field}: ${detail.message}`).join("; "), details);

export function createProfilingService(profiling: ProfilingRepository, customers: CustomerAccess): ProfilingService {
  const requireCustomer = (customerId: string) => customers.require(customerId);

  /**
   * A set's new question list may reorder, edit, archive and add, never drop (archive instead), and
   * must not silently orphan answers: an answered question keeps its kind, and an option that is some
   * customer's current answer cannot be removed or renamed (409) – the admin archives the question
   * and asks a new one, or the answers are changed first. Earlier answers naming an option that is gone
   * stay readable in the history, since answers are stored as the option's text.
   */
  async function checkQuestionChanges(set: ProfilingSet, questions: QuestionWrite[]) {
    const existing = new Map(set.questions.map((question) => [question.id, question]));
    const listed = new Set(questions.flatMap((question) => (question.id ? [question.id] : [])));
    const invalid: ErrorDetail[] = questions.flatMap((question, index) =>
      question.id && !existing.has(question.id)
        ? [{ field: `body.questions.${index}.id`, message: "is not a question of this set" }]
        : [],
    );
    if (set.questions.some((question) => !listed.has(question.id)))
      invalid.push({
        field: "body.questions",
        message: "must list every existing question of the set (archive a question instead of removing it)",
      });
    if (invalid.length > 0) throw refuse("bad_request", invalid);

    const changed = questions.flatMap((question, index) => {
      const before = question.id ? existing.get(question.id) : undefined;
      return before ? [{ question, before, index }] : [];
    });
    const answered = await profiling.answeredQuestions(changed.map(({ before }) => before.id));
    const current = await profiling.currentAnswersTo(
      changed.filter(({ before }) => isChoiceKind(before.kind)).map(({ before }) => before.id),
    );
    const conflicts: ErrorDetail[] = [];
    for (const { question, before, index } of changed) {
      if (question.kind !== before.kind && answered.has(before.id)) {
        conflicts.push({
          field: `body.questions.${index}.kind`,
          message: "cannot change once answered; archive this question and add a new one",
        });
        continue;
      }
      if (!isChoiceKind(before.kind)) continue;
      const removed = before.options.filter((option) => !question.options.includes(option));
      for (const option of removed) {
        const customersUsing = current.filter(
          (answer) => answer.questionId === before.id && mentions(answer.value, option),
        ).length;
        if (customersUsing > 0)
          conflicts.push({
            field: `body.questions.${index}.options`,
            message: `"${option}" is the current answer of ${customersUsing} customer(s) and cannot be removed`,
          });
      }
    }
    if (conflicts.length > 0) throw refuse("conflict", conflicts);
  }

  async function view(customerId: string): Promise<CustomerProfiling> {
    const [sets, answers] = await Promise.all([
      profiling.listSets({ includeInactive: false }),
      profiling.currentAnswers(customerId),
    ]);
    return {
      customerId,
      sets: sets.map(({ questions, ...set }) => ({
        ...set,
        questions: questions.map((question) => ({ ...question, answer: answers.get(question.id) ?? null })),
      })),
    };
  }

  return {
    async listSets(includeInactive, user) {
      if (includeInactive) requirePermission(user, "profiling:manage");
      return profiling.listSets({ includeInactive });
    },

    async createSet(input, user) {
      requirePermission(user, "profiling:manage");
      const { questions, description, ...set } = input;
      return profiling.createSet({ ...set, description: description ?? null }, questions);
    },

    async updateSet(id, input, user) {
      requirePermission(user, "profiling:manage");
      const set = await profiling.findSet(id);
      if (!set) throw notFound("question set", id);
      const { version, questions, ...changes } = input;
      if (questions) await checkQuestionChanges(set, questions);
      return profiling.updateSet(id, version, changes, questions);
    },

    async forCustomer(customerId) {
      await requireCustomer(customerId);
      return view(customerId);
    },

    async answer(customerId, input, user) {
      await requireCustomer(customerId);
      const questions = new Map(
        (await profiling.findQuestions(input.answers.map((answer) => answer.questionId))).map((question) => [
          question.id,
          question,
        ]),
      );
      const current = await profiling.currentAnswers(customerId);
      const invalid: ErrorDetail[] = [];
      const toAppend: { questionId: string; value: ProfilingValue }[] = [];
      for (const [index, answer] of input.answers.entries()) {
        const question = questions.get(answer.questionId);
        const field = `body.answers.${index}`;
        if (!question) invalid.push({ field: `${field}.questionId`, message: "no question with this id" });
        else if (question.archived || !question.setActive)
          invalid.push({ field: `${field}.questionId`, message: "is archived and no longer answered" });
        else {
          const checked = checkProfilingValue(question, answer.value);
          if (!checked.ok) invalid.push({ field: `${field}.value`, message: checked.message });
          // Saving the same answer again is not news: the history only shows real changes.
          else if (!sameProfilingValue(current.get(question.id)?.value ?? null, checked.value))
            toAppend.push({ questionId: question.id, value: checked.value });
        }
      }
      // All or nothing: a batch with one bad answer stores none, so the user fixes it and saves again.
      if (invalid.length > 0) throw refuse("bad_request", invalid);
      if (toAppend.length > 0) await profiling.appendAnswers(customerId, toAppend, user.id);
      return view(customerId);
    },

    async history(customerId, questionId) {
      await requireCustomer(customerId);
      return { items: await profiling.history(customerId, questionId) };
    },
  };
}

const mentions = (value: ProfilingValue, option: string) =>
  value === option || (Array.isArray(value) && value.includes(option));
