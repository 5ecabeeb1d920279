import { useState } from "react";
import { ApiError } from "../../api/api-error";
import { errorMessage } from "../../shared/error-message";

/**
 * One save at a time, and what the service refused shown where it belongs: each 4xx detail next to
 * its field ("body.lines.2.unitPrice" → "lines.2.unitPrice") when the form shows that field; anything
 * else (a refusal, a conflict, a field the form does not show) in the message, so nothing is lost.
 */
export function useSubmit(shows: (field: string) => boolean) {
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});

  async function run(save: () => Promise<unknown>): Promise<boolean> {
    setSaving(true);
    setMessage(null);
    setFieldErrors({});
    try {
      await save();
      return true;
    } catch (failure) {
      const byField: Record<string, string> = {};
      const rest: string[] = [];
      const details = failure instanceof ApiError && failure.code === "bad_request" ? failure.details : [];
      for (const detail of details) {
        const field = detail.field.replace(/^body\./, "");
        if (shows(field)) byField[field] = byField[field] ? `${byField[field]}; ${detail.message}` : detail.message;
        else rest.push(`${detail.field} ${detail.message}`);
      }
      setFieldErrors(byField);
      const hasFieldErrors = Object.keys(byField).length > 0;
      setMessage(hasFieldErrors ? rest.join("; ") || "Check the marked fields." : errorMessage(failure));
      return false;
    } finally {
      setSaving(false);
    }
  }
  return { saving, message, fieldErrors, run };
}
