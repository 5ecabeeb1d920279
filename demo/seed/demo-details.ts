import type { PrismaClient } from "../../service/src/generated/prisma/client";
import { dateFromDay, dayFromDate } from "../../service/src/shared/calendar-date";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
const DAY = 24 * 3_600_000;

/** Fabrikam's tax adviser, a second warehouse, and consent on its contacts: Tim Brandt unsubscribed. */
export const DEMO_DETAILS_ACCOUNT = "10001";

const CONSENT = [
  {
    email: "jonas.keller@fabrikam.com",
    channel: "EMAIL",
    status: "GRANTED",
    source: "Web form, newsletter",
    daysAgo: 300,
  },
  {
    email: "lena.vogel@fabrikam.com",
    channel: "POST",
    status: "GRANTED",
    source: "Trade fair, Hannover",
    daysAgo: 200,
  },
  {
    email: "tim.brandt@fabrikam.com",
    channel: "EMAIL",
    status: "GRANTED",
    source: "Web form, newsletter",
    daysAgo: 250,
  },
  { email: "tim.brandt@fabrikam.com", channel: "EMAIL", status: "WITHDRAWN", source: "Unsubscribe link", daysAgo: 40 },
] as const;

export async function seedDemoDetails(tx: Tx, recordedById: string, now: Date) {
  const customer = await tx.customer.findUniqueOrThrow({ where: { accountNumber: DEMO_DETAILS_ACCOUNT } });
  await tx.thirdParty.create({
    data: {
      customerId: customer.id,
      name: "Steuerkanzlei Weber & Partner",
      role: "Tax adviser",
      email: "kanzlei@weber-partner.example",
      phone: "+49 30 5550123",
      contractNumber: "WP-2024-117",
      contractStart: dateFromDay("2024-01-01"),
      contractEnd: dateFromDay("2026-12-31"),
      createdById: recordedById,
    },
  });
  await tx.shipToAddress.create({
    data: {
      customerId: customer.id,
      name: "Warehouse Hamburg",
      street: "Hafenstraße 12",
      postalCode: "20457",
      city: "Hamburg",
      country: "Germany",
    },
  });
  // In recording order: the later entry for a channel is the current one.
  for (const entry of CONSENT) {
    const contact = await tx.contactEmail.findFirstOrThrow({ where: { emailNormalized: entry.email } });
    const day = new Date(now.getTime() - entry.daysAgo * DAY);
    await tx.consentRecord.create({
      data: {
        contactId: contact.contactId,
        channel: entry.channel,
        status: entry.status,
        source: entry.source,
        effectiveOn: dateFromDay(dayFromDate(day)),
        recordedById,
        recordedAt: day,
      },
    });
  }
}
