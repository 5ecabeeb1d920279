// The requests the service benchmarks send, as the pane sends them, spread over the generated data.
import type { BenchScale } from "./bench-data.sql";

/** Like the pane: the sender plus a recipient or two; most known, some by domain only, some unknown. */
export function lookupPath(scale: BenchScale, i: number): string {
  const n = 1 + ((i * 7919) % scale.customers);
  const m = 1 + ((i * 104729) % scale.customers);
  const emails = [
    `first${1 + (i % 3)}.last${n}@c${n}.example`,
    i % 5 === 0 ? `new.person@c${m}.example` : `first1.last${m}@c${m}.example`,
  ];
  if (i % 10 === 0) emails.push(`someone${i}@gmail.com`);
  return `/api/lookup?${emails.map((email) => `email=${encodeURIComponent(email)}`).join("&")}`;
}

/** Company fragments, account numbers and cities, as people type them. */
export function searchPath(scale: BenchScale, i: number): string {
  const n = 1 + ((i * 7919) % scale.customers);
  const terms = [
    `B${String(n).padStart(7, "0")}`,
    `northwind ${n}`,
    `${n} gmbh`,
    "Lindenallee 7",
    `Fabrikam Contoso ${n}`,
  ];
  return `/api/customers?search=${encodeURIComponent(terms[i % terms.length]!)}&limit=20`;
}

export function logBody(i: number, customerId: string, fromEmail: string) {
  return {
    internetMessageId: `<bench-log-${process.pid}-${i}@contoso.com>`,
    conversationId: `bench-conv-${i % 100}`,
    subject: `Offer ${i}`,
    from: { email: fromEmail, name: "Bench" },
    to: [{ email: "buyer@c1.example", name: "Buyer" }],
    cc: [],
    sentAt: new Date().toISOString(),
    bodyHtml: `<p>Dear customer,</p><p>please find our offer <b>${i}</b> <a href="https://contoso.com/o/${i}">here</a>.</p>`,
    customerId,
  };
}

export async function sampleCustomerIds(url: string, token: string): Promise<string[]> {
  const response = await fetch(`${url}/api/customers?status=1&limit=200`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = (await response.json()) as { items: { id: string }[] };
  return page.items.map((item) => item.id);
}
