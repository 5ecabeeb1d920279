import type { Prisma } from "../../service/src/generated/prisma/client";

/**
 * The conversation the demo tracks, so "Tracked conversations" shows something from the start:
 * Alice tracks Jonas Keller's "Question about our open order" (the demo host's first sample e-mail,
 * conversationId sample-conversation-10) for Fabrikam, and the Graph fake has his later answer in
 * her Inbox, which the worker logs on its first round, saying why.
 */
export const DEMO_TRACKED = {
  userEmail: "alice@contoso.com",
  customerAccount: "10001",
  contactEmail: "jonas.keller@fabrikam.com",
  contactName: "Jonas Keller",
  conversationId: "sample-conversation-10",
  subject: "Question about our open order",
  /** After the sample e-mail (13 January 2026), before anything the fake delivers. */
  trackedSince: "2026-01-14T06:00:00.000Z",
} as const;

/** The later message of the tracked conversation, as the Graph fake's deliver endpoint takes it. */
export const DEMO_TRACKED_ANSWER = {
  to: DEMO_TRACKED.userEmail,
  from: { address: DEMO_TRACKED.contactEmail, name: DEMO_TRACKED.contactName },
  subject: `RE: ${DEMO_TRACKED.subject}`,
  conversationId: DEMO_TRACKED.conversationId,
  // Fixed, as a real message's is: delivered again after a restart, it is the same message, logged once.
  internetMessageId: "<demo-tracked-answer-1@fabrikam.com>",
  bodyHtml:
    "<p>Hello Alice,</p><p>thank you for the quick answer. Please ship the open order in two parts; the first one by Friday.</p><p>Best regards<br>Jonas</p>",
};

export async function seedDemoTracking(tx: Prisma.TransactionClient, users: Map<string, string>) {
  const customer = await tx.customer.findFirst({ where: { accountNumber: DEMO_TRACKED.customerAccount } });
  const contact = await tx.contact.findFirst({
    where: { emails: { some: { emailNormalized: DEMO_TRACKED.contactEmail } } },
  });
  if (!customer || !contact) return;
  await tx.trackedConversation.create({
    data: {
      userId: users.get(DEMO_TRACKED.userEmail)!,
      conversationId: DEMO_TRACKED.conversationId,
      customerId: customer.id,
      contactId: contact.id,
      subject: DEMO_TRACKED.subject,
      trackedSince: new Date(DEMO_TRACKED.trackedSince),
    },
  });
}
