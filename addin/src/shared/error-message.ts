import { ApiError } from "../api/api-error";
import { MailboxError } from "../office/mail-item.types";

/** One sentence a person can act on, whatever failed. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.userMessage;
  if (error instanceof MailboxError) return `Outlook could not give the message: ${error.message}`;
  return "Something went wrong. Try again.";
}
