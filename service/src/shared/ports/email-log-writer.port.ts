import type { EmailLogCreate, EmailLogCreated } from "contract";
import type { CurrentUser } from "../../auth/current-user";

/**
 * The one way into the e-mail log for features that log on a user's behalf (log on send): the same
 * rules, sanitising and once-per-message-and-customer as POST /api/email-log. features/email-log
 * implements it; app.ts hands it on.
 */
export interface EmailLogWriter {
  /** `loggedBecause` is what the entry shows as the reason it was logged without a click. */
  log(
    input: EmailLogCreate,
    user: Pick<CurrentUser, "id" | "name" | "email">,
    loggedBecause: string,
  ): Promise<EmailLogCreated>;
}
