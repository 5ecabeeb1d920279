import type { ProfilingAnswer, ProfilingQuestion, ProfilingQuestionKind, ProfilingSet, ProfilingValue } from "contract";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import { USER_REF_SELECT } from "../../db/user-ref";

export interface QuestionWrite {
  /** Absent for a new question. */
  id?: string;
  text: string;
  kind: ProfilingQuestionKind;
  options: string[];
  /** Absent: an existing question keeps its state, a new one is not archived. */
  archived?: boolean;
}

export interface SetWrite {
  name: string;
  description: string | null;
  active: boolean;
  position: number;
}

export interface QuestionWithSet extends ProfilingQuestion {
  setActive: boolean;
}

export interface ProfilingRepository {
  /** Sets by position, then name; questions in order. */
  listSets(filter: { includeInactive: boolean }): Promise<ProfilingSet[]>;
  findSet(id: string): Promise<ProfilingSet | null>;
  /** Questions are stored in the order given. */
  createSet(data: SetWrite, questions: QuestionWrite[]): Promise<ProfilingSet>;
  /** `questions`, when given, is the whole list in its new order (existing ones by id). */
  updateSet(id: string, version: number, data: Partial<SetWrite>, questions?: QuestionWrite[]): Promise<ProfilingSet>;
  findQuestions(ids: string[]): Promise<QuestionWithSet[]>;
  /** Question ids among these that were ever answered. */
  answeredQuestions(questionIds: string[]): Promise<Set<string>>;
  /** The current answer of every customer who answered these questions (cleared ones included). */
  currentAnswersTo(questionIds: string[]): Promise<{ customerId: string; questionId: string; value: ProfilingValue }[]>;
  /** The customer's current answer per question. */
  currentAnswers(customerId: string): Promise<Map<string, ProfilingAnswer>>;
  /** Appends; nothing is ever overwritten. */
  appendAnswers(
    customerId: string,
    answers: { questionId: string; value: ProfilingValue }[],
    userId: string,
  ): Promise<void>;
  /** Newest first. */
  history(customerId: string, questionId?: string): Promise<ProfilingAnswer[]>;
}

const SET_INCLUDE = {
  questions: { orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.ProfilingQuestionSetInclude;
type SetRow = Prisma.ProfilingQuestionSetGetPayload<{ include: typeof SET_INCLUDE }>;
type QuestionRow = Prisma.ProfilingQuestionGetPayload<object>;
const ANSWER_INCLUDE = { answeredBy: { select: USER_REF_SELECT } } satisfies Prisma.ProfilingAnswerInclude;
type AnswerRow = Prisma.ProfilingAnswerGetPayload<{ include: typeof ANSWER_INCLUDE }>;

const toQuestion = (row: QuestionRow): ProfilingQuestion => ({
  id: row.id,
  setId: row.setId,
  position: row.position,
  text: row.text,
  kind: row.kind,
  options: row.options,
  archived: row.archived,
});
const toSet = (row: SetRow): ProfilingSet => ({
  id: row.id,
  name: row.name,
  description: row.description,
  active: row.active,
  position: row.position,
  version: row.version,
  questions: row.questions.map(toQuestion),
});
const toAnswer = (row: AnswerRow): ProfilingAnswer => ({
  id: row.id,
  questionId: row.questionId,
  value: row.value as ProfilingValue,
  answeredBy: row.answeredBy,
  answeredAt: row.answeredAt.toISOString(),
});
// A cleared answer is stored as SQL NULL: a row saying "cleared by whom, when".
const toJson = (value: ProfilingValue) => (value === null ? Prisma.DbNull : value);
const SET_ORDER = [
  { position: "asc" },
  { name: "asc" },
] satisfies Prisma.ProfilingQuestionSetOrderByWithRelationInput[];

export function createProfilingRepository(prisma: PrismaClient): ProfilingRepository {
  return {
    async listSets({ includeInactive }) {
      const rows = await prisma.profilingQuestionSet.findMany({
        where: includeInactive ? {} : { active: true },
        include: includeInactive
          ? SET_INCLUDE
          : { questions: { ...SET_INCLUDE.questions, where: { archived: false } } },
        orderBy: SET_ORDER,
      });
      return rows.map(toSet);
    },

    async findSet(id) {
      const row = await prisma.profilingQuestionSet.findUnique({ where: { id }, include: SET_INCLUDE });
      return row ? toSet(row) : null;
    },

    async createSet(data, questions) {
      const row = await prisma.profilingQuestionSet.create({
        data: {
          ...data,
          questions: { create: questions.map(({ id: _new, ...question }, position) => ({ ...question, position })) },
        },
        include: SET_INCLUDE,
      });
      return toSet(row);
    },

    async updateSet(id, version, data, questions) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.profilingQuestionSet.updateMany({
          where: { id, version },
          data: { ...data, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This question set");
        for (const [position, { id: questionId, ...question }] of (questions ?? []).entries()) {
          if (questionId)
            await tx.profilingQuestion.update({ where: { id: questionId }, data: { ...question, position } });
          else await tx.profilingQuestion.create({ data: { ...question, position, setId: id } });
        }
        return toSet(await tx.profilingQuestionSet.findUniqueOrThrow({ where: { id }, include: SET_INCLUDE }));
      });
    },

    async findQuestions(ids) {
      const rows = await prisma.profilingQuestion.findMany({
        where: { id: { in: ids } },
        include: { set: { select: { active: true } } },
      });
      return rows.map((row) => ({ ...toQuestion(row), setActive: row.set.active }));
    },

    async answeredQuestions(questionIds) {
      const rows = await prisma.profilingAnswer.findMany({
        where: { questionId: { in: questionIds } },
        distinct: ["questionId"],
        select: { questionId: true },
      });
      return new Set(rows.map((row) => row.questionId));
    },

    async currentAnswersTo(questionIds) {
      const rows = await prisma.profilingAnswer.findMany({
        where: { questionId: { in: questionIds } },
        distinct: ["customerId", "questionId"],
        orderBy: [{ customerId: "asc" }, { questionId: "asc" }, { sequence: "desc" }],
        select: { customerId: true, questionId: true, value: true },
      });
      return rows.map((row) => ({ ...row, value: row.value as ProfilingValue }));
    },

    async currentAnswers(customerId) {
      const rows = await prisma.profilingAnswer.findMany({
        where: { customerId },
        distinct: ["questionId"],
        orderBy: [{ questionId: "asc" }, { sequence: "desc" }],
        include: ANSWER_INCLUDE,
      });
      return new Map(rows.map((row) => [row.questionId, toAnswer(row)]));
    },

    async appendAnswers(customerId, answers, userId) {
      // One transaction, one row at a time: the sequence then follows the batch's order.
      await prisma.$transaction(
        answers.map((answer) =>
          prisma.profilingAnswer.create({
            data: { customerId, questionId: answer.questionId, value: toJson(answer.value), answeredById: userId },
          }),
        ),
      );
    },

    async history(customerId, questionId) {
      const rows = await prisma.profilingAnswer.findMany({
        where: { customerId, ...(questionId ? { questionId } : {}) },
        include: ANSWER_INCLUDE,
        orderBy: { sequence: "desc" },
      });
      return rows.map(toAnswer);
    },
  };
}
