import { http, HttpResponse } from "msw";
import type { z } from "zod";
import type {
  CustomerComment,
  CustomerProfiling,
  Me,
  ProfilingAnswer,
  ProfilingQuestion,
  ProfilingSet,
  ProfilingValue,
} from "contract";
import {
  CommentCreate,
  CommentUpdate,
  ProfilingAnswersUpdate,
  ProfilingSetCreate,
  ProfilingSetUpdate,
  checkProfilingValue,
  sameProfilingValue,
} from "contract";

// Comments and profiling as the service rules them: the contract's schemas and answer checks
// validate, 400s name the field as the service does, roles and ownership are enforced.

type Detail = { field: string; message: string };
const fail = (status: number, code: string, details?: Detail[]) =>
  HttpResponse.json(
    { error: { code, message: details?.map((d) => d.message).join("; ") ?? code, details } },
    { status },
  );
const notFound = () => fail(404, "not_found");
const forbidden = () => fail(403, "forbidden");
const stale = () => fail(409, "conflict", [{ field: "version", message: "is not the current version" }]);

function parse<T extends z.ZodType>(schema: T, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data as z.output<T> };
  const details = result.error.issues.map((issue) => ({
    field: ["body", ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  return { error: fail(400, "bad_request", details) };
}

interface Deps {
  API: string;
  id: () => string;
  me: Me;
  customerExists: (id: string) => boolean;
}

export function createFakeComments({ API, id, me, customerExists }: Deps) {
  const comments: CustomerComment[] = [];
  let clock = Date.parse("2026-01-10T10:00:00.000Z");
  const tick = () => new Date((clock += 60_000)).toISOString();
  const listOf = (customerId: string) =>
    comments
      .filter((row) => row.customerId === customerId)
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt.localeCompare(a.createdAt));
  const mayChange = (row: CustomerComment) => row.author.id === me.id || me.role !== "SALESMAN";

  const handlers = [
    http.get(`${API}/api/customers/:id/comments`, ({ params }) => {
      if (!customerExists(String(params.id))) return notFound();
      const items = listOf(String(params.id));
      return HttpResponse.json({ items, total: items.length, limit: 50, offset: 0 });
    }),
    http.post(`${API}/api/customers/:id/comments`, async ({ params, request }) => {
      if (!customerExists(String(params.id))) return notFound();
      const body = parse(CommentCreate, await request.json());
      if (body.error) return body.error;
      const at = tick();
      const row: CustomerComment = {
        id: id(),
        customerId: String(params.id),
        ...body.data,
        author: { id: me.id, name: me.name, email: me.email },
        createdAt: at,
        modifiedAt: at,
        version: 1,
      };
      comments.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.patch(`${API}/api/comments/:id`, async ({ params, request }) => {
      const row = comments.find((candidate) => candidate.id === params.id);
      if (!row) return notFound();
      const body = parse(CommentUpdate, await request.json());
      if (body.error) return body.error;
      if (!mayChange(row)) return forbidden();
      if (body.data.version !== row.version) return stale();
      const { version: _version, ...changes } = body.data;
      Object.assign(row, changes, { modifiedAt: tick(), version: row.version + 1 });
      return HttpResponse.json(row);
    }),
    http.delete(`${API}/api/comments/:id`, ({ params }) => {
      const index = comments.findIndex((candidate) => candidate.id === params.id);
      if (index < 0) return notFound();
      if (!mayChange(comments[index]!)) return forbidden();
      comments.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return {
    handlers,
    comments,
    /** What the record carries: pinned first, then newest, the latest 20. */
    forRecord: (customerId: string) => listOf(customerId).slice(0, 20),
    /** A comment someone else wrote. */
    add(customerId: string, body: string, author: { id: string; name: string; email: string }, pinned = false) {
      const at = tick();
      const row = { id: id(), customerId, body, pinned, author, createdAt: at, modifiedAt: at, version: 1 };
      comments.push(row);
      return row;
    },
  };
}

interface StoredAnswer extends ProfilingAnswer {
  customerId: string;
}
const withoutCustomer = ({ customerId: _customer, ...answer }: StoredAnswer): ProfilingAnswer => answer;

export function createFakeProfiling({ API, id, me, customerExists }: Deps) {
  const sets: ProfilingSet[] = [];
  const answers: StoredAnswer[] = [];
  let clock = Date.parse("2026-01-11T09:00:00.000Z");
  const user = () => ({ id: me.id, name: me.name, email: me.email });
  const questions = () => sets.flatMap((set) => set.questions.map((question) => ({ question, set })));
  const current = (customerId: string, questionId: string) =>
    answers.findLast((answer) => answer.customerId === customerId && answer.questionId === questionId) ?? null;
  const view = (customerId: string): CustomerProfiling => ({
    customerId,
    sets: sets
      .filter((set) => set.active)
      .map(({ questions: all, ...set }) => ({
        ...set,
        questions: all
          .filter((question) => !question.archived)
          .map((question) => {
            const stored = current(customerId, question.id);
            return { ...question, answer: stored && withoutCustomer(stored) };
          }),
      })),
  });
  const admin = () => me.role === "ADMIN";
  // Like the service: an existing question keeps its archived state when the input omits it.
  const toQuestions = (
    setId: string,
    input: { id?: string; text: string; kind: ProfilingQuestion["kind"]; options: string[]; archived?: boolean }[],
    before: ProfilingQuestion[] = [],
  ): ProfilingQuestion[] =>
    input.map((question, position) => ({
      ...question,
      archived: question.archived ?? before.find((old) => old.id === question.id)?.archived ?? false,
      id: question.id ?? id(),
      setId,
      position,
    }));

  const handlers = [
    http.get(`${API}/api/profiling/sets`, ({ request }) => {
      const all = new URL(request.url).searchParams.get("includeInactive") === "true";
      if (all && !admin()) return forbidden();
      const items = all
        ? sets
        : sets
            .filter((set) => set.active)
            .map((set) => ({ ...set, questions: set.questions.filter((q) => !q.archived) }));
      return HttpResponse.json({ items });
    }),
    http.post(`${API}/api/profiling/sets`, async ({ request }) => {
      if (!admin()) return forbidden();
      const body = parse(ProfilingSetCreate, await request.json());
      if (body.error) return body.error;
      if (sets.some((set) => set.name === body.data.name))
        return fail(409, "conflict", [{ field: "name", message: "is already taken" }]);
      const setId = id();
      const { questions: input, description, ...fields } = body.data;
      const set = { ...fields, id: setId, description: description ?? null, version: 1, questions: [] };
      sets.push({ ...set, questions: toQuestions(setId, input) });
      return HttpResponse.json(sets.at(-1), { status: 201 });
    }),
    http.patch(`${API}/api/profiling/sets/:id`, async ({ params, request }) => {
      if (!admin()) return forbidden();
      const set = sets.find((candidate) => candidate.id === params.id);
      if (!set) return notFound();
      const body = parse(ProfilingSetUpdate, await request.json());
      if (body.error) return body.error;
      const { version, questions: input, description, ...fields } = body.data;
      if (input) {
        const listed = new Set(input.map((question) => question.id));
        if (set.questions.some((question) => !listed.has(question.id)))
          return fail(400, "bad_request", [{ field: "body.questions", message: "must list every existing question" }]);
        // Like the service: an option that is some customer's current answer cannot go.
        const conflicts = input.flatMap((question, index) => {
          const before = set.questions.find((candidate) => candidate.id === question.id);
          const customers = [...new Set(answers.filter((a) => a.questionId === before?.id).map((a) => a.customerId))];
          const removed = before?.options.filter((option) => !question.options.includes(option)) ?? [];
          return removed.flatMap((option) => {
            const using = customers.filter((customerId) => {
              const value = current(customerId, before!.id)?.value;
              return value === option || (Array.isArray(value) && value.includes(option));
            }).length;
            const message = `"${option}" is the current answer of ${using} customer(s) and cannot be removed`;
            return using > 0 ? [{ field: `body.questions.${index}.options`, message }] : [];
          });
        });
        if (conflicts.length > 0) return fail(409, "conflict", conflicts);
      }
      if (version !== set.version) return stale();
      Object.assign(set, fields, description !== undefined && { description }, { version: set.version + 1 });
      if (input) set.questions = toQuestions(set.id, input, set.questions);
      return HttpResponse.json(set);
    }),
    http.get(`${API}/api/customers/:id/profiling`, ({ params }) =>
      customerExists(String(params.id)) ? HttpResponse.json(view(String(params.id))) : notFound(),
    ),
    http.put(`${API}/api/customers/:id/profiling/answers`, async ({ params, request }) => {
      const customerId = String(params.id);
      if (!customerExists(customerId)) return notFound();
      const body = parse(ProfilingAnswersUpdate, await request.json());
      if (body.error) return body.error;
      const invalid: Detail[] = [];
      const append: { questionId: string; value: ProfilingValue }[] = [];
      body.data.answers.forEach((answer, index) => {
        const found = questions().find(({ question }) => question.id === answer.questionId);
        if (!found || found.question.archived || !found.set.active)
          return invalid.push({ field: `body.answers.${index}.questionId`, message: "no question with this id" });
        const checked = checkProfilingValue(found.question, answer.value);
        if (!checked.ok) return invalid.push({ field: `body.answers.${index}.value`, message: checked.message });
        if (!sameProfilingValue(current(customerId, answer.questionId)?.value ?? null, checked.value))
          append.push({ questionId: answer.questionId, value: checked.value });
      });
      if (invalid.length > 0) return fail(400, "bad_request", invalid);
      for (const answer of append)
        answers.push({
          ...answer,
          id: id(),
          customerId,
          answeredBy: user(),
          answeredAt: new Date((clock += 60_000)).toISOString(),
        });
      return HttpResponse.json(view(customerId));
    }),
    http.get(`${API}/api/customers/:id/profiling/history`, ({ params, request }) => {
      const questionId = new URL(request.url).searchParams.get("questionId");
      const items = answers
        .filter((answer) => answer.customerId === params.id && (!questionId || answer.questionId === questionId))
        .reverse()
        .map(withoutCustomer);
      return HttpResponse.json({ items });
    }),
  ];

  return {
    handlers,
    sets,
    answers,
    /** An admin-defined set, as the service would hold it. */
    addSet(name: string, input: { text: string; kind: ProfilingQuestion["kind"]; options?: string[] }[]) {
      const setId = id();
      const set: ProfilingSet = {
        id: setId,
        name,
        description: null,
        active: true,
        position: sets.length,
        version: 1,
        questions: toQuestions(
          setId,
          input.map((question) => ({ options: [], archived: false, ...question })),
        ),
      };
      sets.push(set);
      return set;
    },
    /** An answer a colleague gave earlier. */
    answer(
      customerId: string,
      questionId: string,
      value: ProfilingValue,
      by: { id: string; name: string; email: string },
    ) {
      answers.push({
        id: id(),
        customerId,
        questionId,
        value,
        answeredBy: by,
        answeredAt: new Date((clock += 60_000)).toISOString(),
      });
    },
  };
}
