import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error";
import { fieldLabel, inWords } from "../api/field-labels";
import { errorMessage } from "./error-message";
import { common as deCommon } from "../i18n/de/common";
import { common as enCommon } from "../i18n/en/common";

/**
 * Shown after a 409: the record was reloaded underneath, so the user can apply the change again
 * (the English of common:changedElsewhere; what the form shows is in the pane's language).
 */
export const CHANGED_ELSEWHERE = "Changed by someone else – reloaded. Check it and apply your change again.";

/** A form's message is the reload after a 409 (a warning, not an error), in whichever language. */
export const isChangedElsewhere = (message: string | null) =>
  [enCommon, deCommon].some((catalog) => catalog.changedElsewhere === message);

export type FieldErrors = Partial<Record<string, string>>;

export interface FormSave {
  saving: boolean;
  /** What cannot be shown next to a field: a conflict, a network failure, a refusal. */
  message: string | null;
  /** The service's messages by the form field that shows them. */
  fieldErrors: FieldErrors;
  /** Runs one save; true when it went through. */
  run: (save: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * One save at a time with what went wrong mapped for the form. `fieldOf` names the form field that
 * shows a detail's request path ("body.lines.2.unitPrice" arrives as "lines.2.unitPrice"), or none;
 * details no field shows stay in the message, so nothing is lost. With `onConflict`, a 409 reloads
 * the record through it and says so; without, the service's refusal is the message.
 */
export function useFormSave(fieldOf: (path: string) => string | undefined, onConflict?: () => void): FormSave {
  const { t } = useTranslation("common");
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const run = async (save: () => Promise<unknown>) => {
    setSaving(true);
    setMessage(null);
    setFieldErrors({});
    try {
      await save();
      return true;
    } catch (failure) {
      // A stale version reloads; a conflict on a field (a taken account number) shows at the field.
      if (failure instanceof ApiError && failure.code === "conflict" && (failure.isStale || !failure.details.length)) {
        if (onConflict) {
          setMessage(t("changedElsewhere"));
          onConflict();
        } else setMessage(errorMessage(failure, t));
        return false;
      }
      const shown = failure instanceof ApiError ? fieldMessages(failure, fieldOf, t) : null;
      if (shown && Object.keys(shown.byField).length > 0) {
        setFieldErrors(shown.byField);
        setMessage(shown.rest.length > 0 ? shown.rest.join("; ") : t("checkMarkedFields"));
      } else setMessage(errorMessage(failure, t));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, message, fieldErrors, run };
}

function fieldMessages(error: ApiError, fieldOf: (path: string) => string | undefined, t: TFunction<"common">) {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const detail of error.details) {
    const name = fieldOf(detail.field.replace(/^body\./, ""));
    const message = inWords(detail.message);
    if (name !== undefined) byField[name] = byField[name] ? `${byField[name]}; ${message}` : message;
    else rest.push(`${fieldLabel(detail.field, t)}: ${message}`);
  }
  return { byField, rest };
}

/**
 * The usual mapping: a detail belongs to the form field named by its path's first segment
 * ("lines.2.item" → "lines"), or by an alias for it (opportunityId → parent), when the form shows it.
 */
export const byFirstSegment =
  (fields: readonly string[], aliases: Partial<Record<string, string>> = {}) =>
  (path: string): string | undefined => {
    const requested = path.split(".")[0]!;
    const name = aliases[requested] ?? requested;
    return fields.includes(name) ? name : undefined;
  };
