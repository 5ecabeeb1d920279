import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error";
import { fieldLabel, inWords } from "../api/field-labels";
import { MailboxError } from "../office/mail-item.types";

/**
 * One sentence a person can act on, whatever failed, in the pane's language (the common catalog's
 * errors). What the service says of the input (its message, a field's detail) and what Outlook says
 * is shown as it was sent; the pane words only its own sentences around it. Without `t`, English.
 */
export function errorMessage(error: unknown, t?: TFunction<"common">): string {
  if (!t) {
    if (error instanceof ApiError) return error.userMessage;
    if (error instanceof MailboxError) return `Outlook could not give the message: ${error.message}`;
    return "Something went wrong. Try again.";
  }
  if (error instanceof ApiError) return apiErrorMessage(error, t);
  if (error instanceof MailboxError) return t("errors.mailbox", { message: error.message });
  return t("errors.unknown");
}

function apiErrorMessage(error: ApiError, t: TFunction<"common">): string {
  const message = error.message;
  switch (error.code) {
    case "network":
      return t("errors.network");
    case "unauthenticated":
      return t("errors.unauthenticated");
    case "forbidden":
      return t("errors.forbidden", { message });
    case "conflict":
      return error.isStale ? t("errors.stale", { message }) : inWords(message);
    case "rate_limited":
      return t("errors.rateLimited", { message });
    case "request_in_progress":
      return t("errors.inProgress");
    case "unavailable":
      return t("errors.unavailable");
    case "internal":
    case "unexpected":
      return t("errors.internal");
    default:
      return error.details.length > 0
        ? error.details.map((detail) => `${fieldLabel(detail.field, t)}: ${inWords(detail.message)}`).join("; ")
        : inWords(message);
  }
}

/** errorMessage in the pane's language, for components. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation("common");
  return (error) => errorMessage(error, t);
}
