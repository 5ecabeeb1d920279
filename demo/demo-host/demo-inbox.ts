import type { GraphMailFake } from "../graph-fake/mail/fake-mail.handler";
import { DEMO_HOST_USERS, sampleEmails } from "./sample-emails";

/**
 * The demo host's inbox in Outlook's mail as well: every demo user's sample emails in their Inbox in
 * the Graph fake, under the item ids and Message-IDs the demo host shows, so what the service reads
 * through Graph (several emails logged at once) is what the simulated Outlook lists.
 */
export function putSampleInboxes(mail: GraphMailFake): void {
  for (const user of DEMO_HOST_USERS)
    for (const email of sampleEmails(user.email)) {
      // One read in a shared mailbox is that mailbox's, not in the user's own Inbox.
      if (email.shared) continue;
      const address = (entry: { email: string; name: string | null }) =>
        entry.name ? { address: entry.email, name: entry.name } : { address: entry.email };
      mail.outlook.receive(
        `demo-${user.email}`,
        {
          id: email.itemId ?? undefined,
          internetMessageId: email.internetMessageId ?? undefined,
          conversationId: email.conversationId ?? undefined,
          from: address(email.from ?? { email: "unknown@example.com", name: null }),
          to: email.to.map(address),
          cc: email.cc.map(address),
          subject: email.subject,
          bodyHtml: email.body.html,
        },
        new Date(email.receivedAt ?? email.sentAt ?? Date.now()),
      );
    }
}
