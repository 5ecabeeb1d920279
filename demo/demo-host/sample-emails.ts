import { DEMO_CUSTOMERS, DEMO_UNASSIGNED_CONTACTS } from "../seed/demo-data";
import { ORDER_CONFIRMATION_PDF_BASE64 } from "../seed/demo-files";
import type { SimulatedMessage } from "../../addin/src/office/simulated-mailbox";

interface Sender {
  email: string;
  name: string;
}

const TOPICS = [
  "Question about our open order",
  "Offer for the spring campaign",
  "Meeting next week?",
  "Delivery dates for Q3",
  "Price list request",
  "Service visit follow-up",
];

const HOUR = 3_600_000;

function message(
  index: number,
  from: Sender,
  userEmail: string,
  subject: string,
  extra: Partial<SimulatedMessage> = {},
) {
  const sentAt = new Date(Date.UTC(2026, 0, 15, 8) - index * 5 * HOUR).toISOString();
  const first = from.name.split(" ")[0];
  const text = `Hello,\n\n${subject.toLowerCase()}: could you get back to me this week?\nDetails: https://example.com/requests/${1000 + index}\n\nBest regards\n${first}`;
  const html = `<p>Hello,</p><p>${subject.toLowerCase()}: could you get back to me this week?<br>Details: <a href="https://example.com/requests/${1000 + index}">https://example.com/requests/${1000 + index}</a></p><p>Best regards<br>${first}</p>`;
  const item: SimulatedMessage = {
    mode: "read",
    // Shaped as a REST item id (base64url): the Graph fake holds the same message under it (demo-inbox.ts).
    itemId: `AAMkADemo_sample-${index}AAA=`,
    internetMessageId: `<sample-${index}@${from.email.split("@")[1]}>`,
    conversationId: `sample-conversation-${index}`,
    subject,
    from: { email: from.email, name: from.name },
    sender: { email: from.email, name: from.name },
    to: [{ email: userEmail, name: null }],
    cc: [],
    sentAt,
    receivedAt: new Date(Date.parse(sentAt) + 60_000).toISOString(),
    attachments: [],
    body: { html, text },
    ...extra,
  };
  return item;
}

/**
 * The demo host's inbox: a message from every demo contact, plus the cases the pane must handle:
 * an unknown person at a known company, a domain two customers share, a stranger, an unassigned
 * contact and a message with people from two customers.
 */
export function sampleEmails(userEmail: string): SimulatedMessage[] {
  const special: SimulatedMessage[] = [
    message(
      0,
      { email: "sara.klein@adatum.com", name: "Sara Klein" },
      userEmail,
      "Introduction: new buyer at A. Datum",
    ),
    message(1, { email: "tom.baker@blueyonderairlines.com", name: "Tom Baker" }, userEmail, "Request for a quote"),
    message(
      2,
      { email: "new.buyer@fabrikam.com", name: "Nora Weiss" },
      userEmail,
      "Which Fabrikam company do you bill?",
    ),
    message(3, DEMO_UNASSIGNED_CONTACTS.map(toSender)[0]!, userEmail, "Catching up after the fair"),
    message(4, toSender(DEMO_CUSTOMERS[0]!.contacts[0]!), userEmail, "Joint project with Northwind", {
      cc: [{ email: DEMO_CUSTOMERS[1]!.contacts[0]!.email, name: "Nancy Davolio" }],
    }),
    // A PDF to keep with the logged message, and an inline logo that is part of the body, not a file.
    message(5, toSender(DEMO_CUSTOMERS[2]!.contacts[0]!), userEmail, "Signed order confirmation", {
      attachments: [
        {
          id: "sample-attachment-pdf",
          name: "Order confirmation 4711.pdf",
          contentType: "application/pdf",
          size: 685,
          isInline: false,
          kind: "file",
        },
        {
          id: "sample-attachment-logo",
          name: "logo.png",
          contentType: "image/png",
          size: 2048,
          isInline: true,
          kind: "file",
        },
      ],
      attachmentContents: { "sample-attachment-pdf": { format: "base64", content: ORDER_CONFIRMATION_PDF_BASE64 } },
    }),
  ];
  const fromContacts = DEMO_CUSTOMERS.flatMap((customer) => customer.contacts).map((contact, index) =>
    message(10 + index, toSender(contact), userEmail, TOPICS[index % TOPICS.length]!),
  );
  // Read in the shared support mailbox the user is a member of (as Outlook's shared properties say):
  // the pane leaves support@ out of the people and logs it as from that mailbox.
  const support = { email: "support@contoso.com", name: null };
  const inSupport = message(
    9,
    toSender(DEMO_CUSTOMERS[0]!.contacts[0]!),
    userEmail,
    "Service request (support mailbox)",
    {
      to: [support],
      shared: { owner: support.email, permissions: 3 },
    },
  );
  return [fromContacts[0]!, ...special, ...fromContacts.slice(1), inSupport];
}

function toSender(contact: { first: string; last: string; email: string }): Sender {
  return { email: contact.email, name: `${contact.first} ${contact.last}` };
}

export const DEMO_HOST_USERS = [
  { email: "alice@contoso.com", label: "Alice Wagner (salesman)" },
  { email: "ben@contoso.com", label: "Ben Okafor (salesman)" },
  { email: "maria@contoso.com", label: "Maria Rossi (manager)" },
  { email: "admin@contoso.com", label: "Sam Admin (admin)" },
];
