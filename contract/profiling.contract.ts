import { z } from "zod";
import { INT32_MAX, Id, IsoDateTime, OptionalText, SafeString, Text, UserRef, VersionField } from "./common.contract";

// ---- Profiling: question sets an admin defines ("Machine park", "Purchasing"), answered per customer.
// Answers are appended, never overwritten: the latest per customer and question is the current one.

export const PROFILING_KINDS = ["TEXT", "NUMBER", "YES_NO", "SINGLE_CHOICE", "MULTIPLE_CHOICE"] as const;
export const ProfilingQuestionKind = z.enum(PROFILING_KINDS);
export type ProfilingQuestionKind = z.infer<typeof ProfilingQuestionKind>;
export const isChoiceKind = (kind: ProfilingQuestionKind) => kind === "SINGLE_CHOICE" || kind === "MULTIPLE_CHOICE";
export const PROFILING_TEXT_MAX = 2000;

/** string (TEXT, SINGLE_CHOICE), number, boolean (YES_NO), string[] (MULTIPLE_CHOICE); null = cleared. */
export const ProfilingValue = z.union([SafeString(), z.number(), z.boolean(), z.array(SafeString()), z.null()]);
export type ProfilingValue = z.infer<typeof ProfilingValue>;

export const ProfilingQuestion = z.object({
  id: Id,
  setId: Id,
  position: z.number().int(),
  text: z.string(),
  kind: ProfilingQuestionKind,
  options: z.array(z.string()),
  /** Archived questions are no longer asked; their answers stay readable in the history. */
  archived: z.boolean(),
});
export type ProfilingQuestion = z.infer<typeof ProfilingQuestion>;

export const ProfilingSet = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
  /** In their order. */
  questions: z.array(ProfilingQuestion),
});
export type ProfilingSet = z.infer<typeof ProfilingSet>;
export const ProfilingSetList = z.object({ items: z.array(ProfilingSet) });
export type ProfilingSetList = z.infer<typeof ProfilingSetList>;

/** Admins may ask for inactive sets and archived questions too (to edit them). */
export const ProfilingSetsQuery = z.object({ includeInactive: z.enum(["true", "false"]).default("false") });

/**
 * A question as an admin writes it: with the id of an existing one to change it, without to add one.
 * `archived` omitted keeps an existing question's state (a new one is not archived).
 */
export const ProfilingQuestionInput = z
  .object({
    id: Id.optional(),
    text: Text(500),
    kind: ProfilingQuestionKind,
    options: z.array(Text(200)).max(50).default([]),
    archived: z.boolean().optional(),
  })
  .superRefine((question, context) => {
    if (!isChoiceKind(question.kind)) {
      if (question.options.length > 0)
        context.addIssue({ code: "custom", path: ["options"], message: "only choice questions have options" });
      return;
    }
    const distinct = new Set(question.options.map((option) => option.toLowerCase()));
    if (distinct.size !== question.options.length)
      context.addIssue({ code: "custom", path: ["options"], message: "must not repeat an option" });
    else if (distinct.size < 2)
      context.addIssue({ code: "custom", path: ["options"], message: "a choice question needs at least 2 options" });
  });
export type ProfilingQuestionInput = z.input<typeof ProfilingQuestionInput>;

const uniqueIds = (questions: { id?: string }[]) => {
  const ids = questions.flatMap((question) => (question.id ? [question.id] : []));
  return new Set(ids).size === ids.length;
};
const repeatedId = { message: "must not list a question twice" };

export const ProfilingSetCreate = z.object({
  name: Text(200),
  description: OptionalText(2000),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(INT32_MAX).default(0),
  questions: z.array(ProfilingQuestionInput.refine((question) => !question.id, "a new set has no existing questions")),
});
export type ProfilingSetCreate = z.infer<typeof ProfilingSetCreate>;

/**
 * Only the fields given change. `questions`, when given, is the set's complete list in its new order:
 * every existing question (archived ones too) by id, new ones without. Questions are never removed:
 * archive them instead, so the answers given to them stay readable.
 */
export const ProfilingSetUpdate = z
  .object({
    name: Text(200).optional(),
    description: OptionalText(2000),
    active: z.boolean().optional(),
    position: z.number().int().min(0).max(INT32_MAX).optional(),
    questions: z.array(ProfilingQuestionInput).refine(uniqueIds, repeatedId).optional(),
  })
  .extend(VersionField.shape);
export type ProfilingSetUpdate = z.infer<typeof ProfilingSetUpdate>;

export const ProfilingAnswer = z.object({
  id: Id,
  questionId: Id,
  value: ProfilingValue,
  answeredBy: UserRef,
  answeredAt: IsoDateTime,
});
export type ProfilingAnswer = z.infer<typeof ProfilingAnswer>;

/** A customer's profile: the active sets, their questions in order, each with its current answer. */
export const CustomerProfiling = z.object({
  customerId: Id,
  sets: z.array(
    ProfilingSet.omit({ questions: true }).extend({
      questions: z.array(ProfilingQuestion.extend({ answer: ProfilingAnswer.nullable() })),
    }),
  ),
});
export type CustomerProfiling = z.infer<typeof CustomerProfiling>;

export const ProfilingAnswersUpdate = z.object({
  answers: z
    .array(z.object({ questionId: Id, value: ProfilingValue }))
    .min(1)
    .max(500)
    .refine(
      (answers) => new Set(answers.map((answer) => answer.questionId)).size === answers.length,
      "must not answer a question twice",
    ),
});
export type ProfilingAnswersUpdate = z.infer<typeof ProfilingAnswersUpdate>;

export const ProfilingHistoryQuery = z.object({ questionId: Id.optional() });
/** Every answer given, newest first: the first per question is the current one. */
export const ProfilingHistory = z.object({ items: z.array(ProfilingAnswer) });
export type ProfilingHistory = z.infer<typeof ProfilingHistory>;

export type ProfilingCheck = { ok: true; value: ProfilingValue } | { ok: false; message: string };

/**
 * Checks an answer against its question's kind and gives it in stored form (text trimmed, chosen
 * options in the question's order); null clears. Shared so the pane flags what the service refuses.
 */
export function checkProfilingValue(
  question: Pick<ProfilingQuestion, "kind" | "options">,
  value: ProfilingValue,
): ProfilingCheck {
  if (value === null) return { ok: true, value: null };
  switch (question.kind) {
    case "TEXT": {
      if (typeof value !== "string") return { ok: false, message: "must be text" };
      const text = value.trim();
      if (text.length > PROFILING_TEXT_MAX)
        return { ok: false, message: `must be at most ${PROFILING_TEXT_MAX} characters` };
      return { ok: true, value: text === "" ? null : text };
    }
    case "NUMBER":
      return typeof value === "number" && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, message: "must be a number" };
    case "YES_NO":
      return typeof value === "boolean"
        ? { ok: true, value }
        : { ok: false, message: "must be yes (true) or no (false)" };
    case "SINGLE_CHOICE":
      return typeof value === "string" && question.options.includes(value)
        ? { ok: true, value }
        : { ok: false, message: `must be one of: ${question.options.join(", ")}` };
    case "MULTIPLE_CHOICE": {
      if (!Array.isArray(value)) return { ok: false, message: "must be a list of options" };
      if (new Set(value).size !== value.length) return { ok: false, message: "must not repeat an option" };
      const unknown = value.filter((option) => !question.options.includes(option));
      if (unknown.length > 0)
        return { ok: false, message: `has options the question does not offer: ${unknown.join(", ")}` };
      return { ok: true, value: question.options.filter((option) => value.includes(option)) };
    }
  }
}

/** Whether two stored answers say the same (an unchanged answer is not appended again). */
export function sameProfilingValue(left: ProfilingValue, right: ProfilingValue): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
