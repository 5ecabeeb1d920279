import { stableObjectId } from "../../service/src/auth/dev-issuer";
import { customerSearchText } from "../../service/src/features/customers/customer-search-text";
import { type ActivityOutbox, NO_OUTBOX } from "../../service/src/calendar-sync/outbox/activity-outbox";
import type { PrismaClient } from "../../service/src/generated/prisma/client";
import type { Seed } from "../../service/src/server";
import { DEMO_CUSTOMERS, DEMO_TEMPLATES, DEMO_TYPES, DEMO_UNASSIGNED_CONTACTS, DEMO_USERS } from "./demo-data";
import { seedDemoSales } from "./demo-sales";
import { seedDemoLoaners } from "./demo-loaners";
import { seedDemoProfiling } from "./demo-profiling";
import { seedDemoAttachments } from "./demo-attachments";
import { seedDemoDetails } from "./demo-details";
import { seedDemoSamplesAndPayments } from "./demo-samples-payments";
import { seedDemoTracking } from "./demo-tracked";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo seed as `startService` takes it: seeded plans go through the service's own outbox. */
export const demoSeed: Seed = (prisma, outbox) => seedDemoData(prisma, { outbox });

/**
 * Fills an empty database with the demo company. Does nothing when customers exist, so it is safe
 * on every start. Users get the development issuer's object ids, so `npm run token -- --email
 * alice@contoso.com` signs in as the seeded Alice.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  options: { now?: Date; outbox?: ActivityOutbox } = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  const outbox = options.outbox ?? NO_OUTBOX;
  if ((await prisma.customer.count()) > 0) return false;
  await prisma.$transaction(async (tx) => {
    const users = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const row = await tx.user.upsert({
        where: { oid: stableObjectId(user.email) },
        create: { oid: stableObjectId(user.email), tenantId: "dev-tenant", ...user },
        update: {},
      });
      users.set(user.email, row.id);
    }
    const alice = users.get("alice@contoso.com")!;
    const typeIds = new Map<string, string>();
    for (const name of DEMO_TYPES) typeIds.set(name, (await tx.customerType.create({ data: { name } })).id);
    const templateIds = new Map<string, string>();
    for (const template of DEMO_TEMPLATES)
      templateIds.set(template.name, (await tx.activityTemplate.create({ data: template })).id);

    let dayOffset = 0;
    for (const demo of DEMO_CUSTOMERS) {
      const owner = users.get(demo.salesmen[0]!)!;
      const address = { street: demo.street, postalCode: demo.postalCode, city: demo.city, country: demo.country };
      const customer = await tx.customer.create({
        data: {
          accountNumber: demo.account,
          name: demo.name,
          statusCode: demo.status,
          lifecycle: demo.lifecycle,
          phone: demo.phone,
          website: demo.website,
          ...address,
          searchText: customerSearchText({ accountNumber: demo.account, name: demo.name, ...address }),
          createdById: owner,
          modifiedById: owner,
          createdAt: new Date(now.getTime() - 400 * DAY),
          types: { create: demo.types.map((type) => ({ typeId: typeIds.get(type)! })) },
          domains: { create: demo.domains.map((domain) => ({ domain })) },
          salesmen: { create: demo.salesmen.map((email) => ({ userId: users.get(email)! })) },
        },
      });
      const contactIds: string[] = [];
      for (const contact of demo.contacts) {
        const row = await tx.contact.create({
          data: {
            customerId: customer.id,
            firstName: contact.first,
            lastName: contact.last,
            role: contact.role,
            phone: contact.phone ?? null,
            createdById: owner,
            modifiedById: owner,
            emails: { create: [{ email: contact.email, emailNormalized: contact.email.toLowerCase() }] },
          },
        });
        contactIds.push(row.id);
      }
      const first = demo.contacts[0];
      if (!first) continue;
      dayOffset += 1;
      const activity = (
        type: "CALL" | "VISIT" | "MEETING" | "TASK",
        subject: string,
        startsAt: Date,
        minutes: number,
        status: "PLANNED" | "FINISHED",
      ) => ({
        type,
        subject,
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        timeZone: "Europe/Berlin",
        status,
        finishedAt: status === "FINISHED" ? new Date(startsAt.getTime() + minutes * 60_000) : null,
        reminderMinutesBefore: status === "PLANNED" ? 15 : null,
        ownerId: owner,
        customerId: customer.id,
        contactId: contactIds[0]!,
        createdById: owner,
        modifiedById: owner,
      });
      const at = (days: number, hour: number) => {
        const date = new Date(now.getTime() + days * DAY);
        date.setUTCHours(hour, 0, 0, 0);
        return date;
      };
      const plans = [
        activity("CALL", `Call ${first.first} about the open offer`, at(-30 - dayOffset, 8), 15, "FINISHED"),
        activity("VISIT", `Visit ${demo.name} in ${demo.city}`, at(-12 - dayOffset, 9), 120, "FINISHED"),
        activity("MEETING", "Quarterly business review", at(3 + dayOffset, 13), 60, "PLANNED"),
        activity(
          "CALL",
          `Follow-up with ${first.first} ${first.last}`,
          at(dayOffset % 3 === 0 ? -1 : dayOffset % 5, 7),
          15,
          "PLANNED",
        ),
      ];
      for (const data of plans) await outbox.enqueue(tx, await tx.activity.create({ data }));
      await tx.note.create({
        data: {
          customerId: customer.id,
          contactId: contactIds[0]!,
          authorId: owner,
          createdAt: new Date(now.getTime() - (10 + dayOffset) * DAY),
          bodyHtml: `<p>${first.first} prefers calls in the morning. Framework agreement: <a href="${demo.website}" target="_blank" rel="noopener noreferrer">${demo.website}</a></p>`,
          bodyText: `${first.first} prefers calls in the morning. Framework agreement: ${demo.website}`,
        },
      });
      const sentAt = new Date(now.getTime() - (5 + dayOffset) * DAY);
      await tx.emailLogEntry.create({
        data: {
          internetMessageId: `<demo-${demo.account}-1@${demo.domains[0]}>`,
          conversationId: `demo-conversation-${demo.account}`,
          subject: `Re: Offer for ${demo.name}`,
          fromEmail: first.email,
          fromName: `${first.first} ${first.last}`,
          to: [{ email: demo.salesmen[0]!, name: null }],
          cc: [],
          sentAt,
          receivedAt: new Date(sentAt.getTime() + 60_000),
          bodyHtml: `<p>Hello,</p><p>thank you for the offer. We will come back to you after our budget meeting.</p><p>Best regards<br>${first.first}</p>`,
          bodyText: `Hello,\n\nthank you for the offer. We will come back to you after our budget meeting.\n\nBest regards\n${first.first}`,
          customerId: customer.id,
          contactId: contactIds[0]!,
          loggedById: owner,
          mailbox: demo.salesmen[0]!.toLowerCase(),
          loggedAt: sentAt,
        },
      });
    }
    for (const contact of DEMO_UNASSIGNED_CONTACTS) {
      await tx.contact.create({
        data: {
          customerId: null,
          firstName: contact.first,
          lastName: contact.last,
          role: contact.role,
          createdById: alice,
          modifiedById: alice,
          emails: { create: [{ email: contact.email, emailNormalized: contact.email.toLowerCase() }] },
        },
      });
    }
    await seedDemoAttachments(tx, alice, now);
    await seedDemoSales(tx, users.get("maria@contoso.com")!, users.get("ben@contoso.com")!, now);
    await seedDemoLoaners(tx, users.get("ben@contoso.com")!, now);
    await seedDemoProfiling(tx, users, now);
    await seedDemoDetails(tx, alice, now);
    await seedDemoSamplesAndPayments(tx, users, now);
    await seedDemoTracking(tx, users);
  });
  return true;
}
