import { useState } from "react";
import { ApiError } from "../../api/api-error";
import { errorMessage } from "../../shared/error-message";

/** Shown after a 409: the record was reloaded underneath, so the user can apply the change again. */
export const CHANGED_ELSEWHERE = "Changed by someone else – reloaded. Check it and apply your change again.";

export interface SaveState {
  saving: boolean;
  /** What cannot be shown next to a field: a conflict, a network failure, a refusal. */
  message: string | null;
  /** The service's 400 (and 404) messages by form field: "body.title" → "title". */
  fieldErrors: Partial<Record<string, string>>;
  /** Runs one save; true when it went through. */
  run: (save: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * One save at a time with what went wrong mapped for the form: field errors next to their field
 * (fields the form does not show stay in the message, so nothing is lost), and a version conflict
 * reloads the record through `onConflict`.
 */
export function useSave(
  fields: readonly string[],
  onConflict: () => void,
  /** Request fields shown by another form field, e.g. opportunityId → parent. */
  aliases: Partial<Record<string, string>> = {},
): SaveState {
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});

  const run = async (save: () => Promise<unknown>) => {
    setSaving(true);
    setMessage(null);
    setFieldErrors({});
    try {
      await save();
      setSaving(false);
      return true;
    } catch (failure) {
      setSaving(false);
      if (failure instanceof ApiError && failure.status === 409) {
        setMessage(CHANGED_ELSEWHERE);
        onConflict();
        return false;
      }
      const shown = failure instanceof ApiError ? fieldMessages(failure, fields, aliases) : null;
      if (shown && Object.keys(shown.byField).length > 0) {
        setFieldErrors(shown.byField);
        setMessage(shown.rest.length > 0 ? shown.rest.join("; ") : "Check the marked fields.");
      } else setMessage(errorMessage(failure));
      return false;
    }
  };
  return { saving, message, fieldErrors, run };
}

function fieldMessages(error: ApiError, fields: readonly string[], aliases: Partial<Record<string, string>>) {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const detail of error.details) {
    const requested = detail.field.replace(/^body\./, "").split(".")[0]!;
    const name = aliases[requested] ?? requested;
    if (fields.includes(name)) byField[name] = byField[name] ? `${byField[name]}; ${detail.message}` : detail.message;
    else rest.push(`${detail.field} ${detail.message}`);
  }
  return { byField, rest };
}
