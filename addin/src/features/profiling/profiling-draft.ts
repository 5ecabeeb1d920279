import type { TFunction } from "i18next";
import { type ProfilingCheck, type ProfilingQuestion, type ProfilingValue, checkProfilingValue } from "contract";

/**
 * What an input holds while the user types: text and numbers as typed (so "1." is not lost), yes/no
 * and a single choice or nothing, the ticked options.
 */
export type Draft = string | boolean | string[] | null;
type Question = Pick<ProfilingQuestion, "kind" | "options">;

export function toDraft(question: Question, value: ProfilingValue): Draft {
  switch (question.kind) {
    case "TEXT":
      return typeof value === "string" ? value : "";
    case "NUMBER":
      return typeof value === "number" ? String(value) : "";
    case "MULTIPLE_CHOICE":
      return Array.isArray(value) ? value : [];
    case "YES_NO":
      return typeof value === "boolean" ? value : null;
    case "SINGLE_CHOICE":
      return typeof value === "string" ? value : null;
  }
}

/**
 * The answer a draft stands for, checked as the service checks it (so errors show before saving);
 * `notANumber` words the one check the pane makes itself.
 */
export function fromDraft(question: Question, draft: Draft, notANumber = "must be a number"): ProfilingCheck {
  if (question.kind === "NUMBER" && typeof draft === "string") {
    if (draft.trim() === "") return { ok: true, value: null };
    const number = Number(draft);
    // Never send NaN: JSON would turn it into null and clear the answer.
    if (!Number.isFinite(number)) return { ok: false, message: notANumber };
    return checkProfilingValue(question, number);
  }
  return checkProfilingValue(question, draft);
}

/** How an answer reads in the pane, in its language. */
export function formatAnswer(value: ProfilingValue, t: TFunction<"profiling">): string {
  if (value === null) return t("cleared");
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  if (Array.isArray(value)) return value.length === 0 ? t("none") : value.join(", ");
  return String(value);
}
