import type { ApiClient } from "./api-client";

/** What clients saw while logging e-mails: acknowledged (200/201) message ids and failed ones with why. */
export interface LoadResult {
  acknowledged: Set<string>;
  failed: Map<string, string>;
  /** Answers by kind: "201", "503", "network ECONNREFUSED"... */
  outcomes: Record<string, number>;
}

export const emailBody = (internetMessageId: string, customerId: string) => ({
  internetMessageId,
  conversationId: "fault-conv",
  subject: `Fault experiment ${internetMessageId}`,
  from: { email: "buyer@fabrikam.example", name: "Buyer" },
  to: [{ email: "alice@contoso.com", name: "Alice" }],
  cc: [],
  sentAt: "2026-11-20T09:30:00+01:00",
  bodyHtml: "<p>Please confirm the order.</p>",
  customerId,
});

/**
 * `concurrency` clients log one e-mail after another (each a new message id), spread over the given
 * clients (replicas), until stop() is called. E-mail logging is the call made all day, and it is
 * idempotent per message, so a lost or doubled entry shows in the customer's log.
 */
export function logEmailsUntilStopped(options: {
  clients: ApiClient[];
  customerId: string;
  prefix: string;
  concurrency: number;
}) {
  const result: LoadResult = { acknowledged: new Set(), failed: new Map(), outcomes: {} };
  let stopped = false;
  const workers = Array.from({ length: options.concurrency }, async (_, worker) => {
    for (let n = 0; !stopped; n++) {
      const id = `<${options.prefix}-${worker}-${n}@faults.example>`;
      const client = options.clients[(worker + n) % options.clients.length]!;
      let outcome: string;
      try {
        const response = await client.post("/api/email-log", emailBody(id, options.customerId));
        outcome = String(response.status);
      } catch (error) {
        outcome = `network ${networkCode(error)}`;
      }
      result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
      if (outcome === "200" || outcome === "201") result.acknowledged.add(id);
      else {
        result.failed.set(id, outcome);
        await new Promise((resolve) => setTimeout(resolve, 25)); // no busy loop against a closed port
      }
    }
  });
  return {
    result,
    async stop(): Promise<LoadResult> {
      stopped = true;
      await Promise.all(workers);
      return result;
    },
  };
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** How often each message id is in the customer's e-mail log. */
export async function loggedMessageIds(client: ApiClient, customerId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let offset = 0; ; offset += 200) {
    const page = await client.get(`/api/customers/${customerId}/email-log?limit=200&offset=${offset}`);
    if (page.status !== 200) throw new Error(`email log: ${page.status} ${JSON.stringify(page.body)}`);
    for (const entry of page.body.items as { internetMessageId: string }[])
      counts.set(entry.internetMessageId, (counts.get(entry.internetMessageId) ?? 0) + 1);
    if (offset + 200 >= page.body.total) return counts;
  }
}

/** Acknowledged, lost (acknowledged but absent), duplicated, and failed requests that were applied anyway. */
export function tally(load: LoadResult, present: Map<string, number>) {
  const lost = [...load.acknowledged].filter((id) => !present.has(id));
  const duplicated = [...present].filter(([, count]) => count > 1).map(([id]) => id);
  const appliedThoughFailed = [...load.failed.keys()].filter((id) => present.has(id));
  return {
    acknowledged: load.acknowledged.size,
    failed: load.failed.size,
    lost: lost.length,
    duplicated: duplicated.length,
    appliedThoughFailed: appliedThoughFailed.length,
    outcomes: load.outcomes,
  };
}
