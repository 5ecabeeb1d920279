// Every API call README.md shows, written against a client generated from GET /api/openapi.json
// (openapi-typescript types, openapi-fetch), as a team using the service would write them.
// test/service/openapi-clients.test.ts type-checks this file with tsc against freshly generated
// types (a call the document gets wrong fails there) and then makes the calls on a real service.
// "crm-api" is the generated file; it exists only while that test runs, so the project's own
// tsconfig leaves this file out.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "crm-api";

export type CrmClient = Client<paths>;

/** The data of a successful reply (none for a 204); anything else fails with the status and the error body. */
async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<NonNullable<T>> {
  const { data, error, response } = await call;
  if (!response.ok || (response.status !== 204 && (data === undefined || data === null)))
    throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

/** A refusal the README promises (409 from resend-to-outlook for an activity that is not FAILED). */
async function refused(status: number, call: Promise<{ error?: { error: { code: string } }; response: Response }>) {
  const { error, response } = await call;
  if (response.status !== status || !error?.error.code)
    throw new Error(`${response.url}: expected ${status}, got ${response.status}`);
}

const raw = <T>(body: T) => body;
// Calendar days as the signed-in user lives them: the calls below set that user's zone to Europe/Berlin,
// and the service judges "today" (a loaner's return, a consent's date) in it. A UTC day is a day behind
// from 23:00 UTC, which failed CI late in the evening.
const userZone = "Europe/Berlin";
const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: userZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const day = (offset: number) => dayFormat.format(new Date(Date.now() + offset * 86_400_000));

/** Signs in as the README does (development issuer) and makes every call of its route table, in order. */
export async function readmeCalls(baseUrl: string, email: string): Promise<number> {
  let calls = 0;
  const fetchCounted = (request: Request) => {
    calls += 1;
    return fetch(request);
  };
  const anonymous = createClient<paths>({ baseUrl, fetch: fetchCounted });
  await ok(anonymous.GET("/api/health/live"));
  await ok(anonymous.GET("/api/health/ready"));
  await ok(anonymous.GET("/api/health"));
  const { token } = await ok(anonymous.POST("/api/dev/token", { body: { email, role: "ADMIN" } }));
  const client = createClient<paths>({ baseUrl, fetch: fetchCounted, headers: { Authorization: `Bearer ${token}` } });
  await ok(client.GET("/api/openapi.json"));

  // The two calls of "Try it without the pane".
  await ok(
    client.GET("/api/lookup", {
      params: { query: { email: ["jonas.keller@fabrikam.com", "someone@fabrikam.com"] } },
    }),
  );
  await ok(client.GET("/api/customers", { params: { query: { search: "berlin" } } }));

  const me = await ok(client.PATCH("/api/me", { body: { timeZone: userZone } }));
  await ok(client.GET("/api/users"));
  const created = await ok(client.POST("/api/types", { body: { name: `Retail ${Date.now()}` } }));
  const type = await ok(
    client.PATCH("/api/types/{id}", { params: { path: { id: created.id } }, body: { name: `${created.name} trade` } }),
  );
  await ok(client.GET("/api/types"));
  await ok(client.GET("/api/customer-statuses"));

  // Customers, their lifecycle and salesmen.
  const newCustomer = (accountNumber: string) =>
    ok(
      client.POST("/api/customers", {
        body: {
          accountNumber,
          name: "Fabrikam Berlin",
          status: 1,
          types: [type.name],
          address: { street: "Hauptstraße 12", postalCode: "10115", city: "Berlin", country: "Germany" },
        },
      }),
    );
  let customer = await newCustomer(`R-${Date.now()}`);
  const id = { params: { path: { id: customer.id } } };
  await ok(client.GET("/api/customers", { params: { query: { type: [type.name], status: [1], reminders: "due" } } }));
  await ok(client.GET("/api/customers", { params: { query: { mine: "true", limit: 10, offset: 0 } } }));
  await ok(client.GET("/api/customers/{id}", id));
  customer = await ok(
    client.PATCH("/api/customers/{id}", { ...id, body: { version: customer.version, phone: "+49 30 1234560" } }),
  );
  customer = await ok(
    client.PUT("/api/customers/{id}/salesmen", { ...id, body: { version: customer.version, salesmanIds: [me.id] } }),
  );
  customer = (await ok(client.POST("/api/customers/{id}/release", { ...id, body: { version: customer.version } })))
    .customer;
  customer = (await ok(client.POST("/api/customers/{id}/approve", { ...id, body: { version: customer.version } })))
    .customer;
  const declined = await newCustomer(`D-${Date.now()}`);
  const released = await ok(
    client.POST("/api/customers/{id}/release", {
      params: { path: { id: declined.id } },
      body: { version: declined.version },
    }),
  );
  await ok(
    client.POST("/api/customers/{id}/decline", {
      params: { path: { id: declined.id } },
      body: { version: released.customer.version, reason: "Duplicate of an existing account" },
    }),
  );
  await ok(client.GET("/api/customers/{id}/lifecycle", id));

  // Contacts, activities, templates, notes, reminders.
  const contact = await ok(
    client.POST("/api/contacts", {
      body: {
        customerId: customer.id,
        firstName: "Jonas",
        lastName: "Keller",
        emails: [`jonas.${Date.now()}@fabrikam.com`],
      },
    }),
  );
  await ok(client.GET("/api/contacts", { params: { query: { customerId: customer.id } } }));
  await ok(client.GET("/api/contacts/{id}", { params: { path: { id: contact.id } } }));
  await ok(
    client.PATCH("/api/contacts/{id}", {
      params: { path: { id: contact.id } },
      body: { version: contact.version, role: "Buyer" },
    }),
  );
  const template = await ok(
    client.POST("/api/templates", { body: { name: "Visit", type: "VISIT", subject: "Visit", durationMinutes: 60 } }),
  );
  await ok(client.GET("/api/templates"));
  await ok(client.GET("/api/templates/{id}", { params: { path: { id: template.id } } }));
  await ok(
    client.PATCH("/api/templates/{id}", { params: { path: { id: template.id } }, body: { durationMinutes: 90 } }),
  );
  const activity = await ok(
    client.POST("/api/activities", {
      body: {
        customerId: customer.id,
        contactId: contact.id,
        templateId: template.id,
        startsAt: `${day(1)}T09:00:00Z`,
        timeZone: "Europe/Berlin",
      },
    }),
  );
  const activityId = { params: { path: { id: activity.id } } };
  await ok(client.GET("/api/activities", { params: { query: { customerId: customer.id } } }));
  await ok(client.GET("/api/activities/{id}", activityId));
  const edited = await ok(
    client.PATCH("/api/activities/{id}", { ...activityId, body: { version: activity.version, location: "Berlin" } }),
  );
  // The daily loop: finished with its outcome and notes, then reopened.
  const finished = await ok(
    client.PATCH("/api/activities/{id}", {
      ...activityId,
      body: { version: edited.version, status: "FINISHED", outcome: "Order promised", notes: "Quote by Friday" },
    }),
  );
  await ok(
    client.PATCH("/api/activities/{id}", { ...activityId, body: { version: finished.version, status: "PLANNED" } }),
  );
  await refused(409, client.POST("/api/activities/{id}/resend-to-outlook", activityId));
  const series = await ok(
    client.POST("/api/activity-series", {
      body: {
        customerId: customer.id,
        type: "MEETING",
        subject: "Weekly call",
        startsAt: `${day(1)}T13:00:00Z`,
        endsAt: `${day(1)}T13:30:00Z`,
        timeZone: "Europe/Berlin",
        onlineMeeting: true,
        recurrence: { pattern: { type: "daily", interval: 7 }, range: { type: "numbered", numberOfOccurrences: 3 } },
      },
    }),
  );
  const seriesId = { params: { path: { id: series.id } } };
  await ok(client.GET("/api/activity-series/{id}", seriesId));
  await ok(
    client.PATCH("/api/activity-series/{id}", { ...seriesId, body: { version: series.version, subject: "Team call" } }),
  );
  await ok(client.GET("/api/reminders", { params: { query: { until: day(2) } } }));
  const note = await ok(
    client.POST("/api/notes", { body: { customerId: customer.id, bodyHtml: "<p>Met <b>Jonas</b></p>" } }),
  );
  const noteId = { params: { path: { id: note.id } } };
  await ok(client.GET("/api/notes", { params: { query: { customerId: customer.id } } }));
  await ok(client.GET("/api/notes/{id}", noteId));
  await ok(
    client.PATCH("/api/notes/{id}", { ...noteId, body: { version: note.version, bodyHtml: "<p>Met Jonas again</p>" } }),
  );

  // The e-mail log: 201 the first time, 200 with the same entry after.
  const internetMessageId = `<${Date.now()}@fabrikam.com>`;
  const email_ = {
    internetMessageId,
    subject: "Offer",
    from: { email: "jonas.keller@fabrikam.com", name: "Jonas Keller" },
    sentAt: new Date().toISOString(),
    bodyHtml: "<p>Please send the offer.</p>",
    customerId: customer.id,
    contactId: contact.id,
  };
  const logged = await ok(client.POST("/api/email-log", { body: email_ }));
  await ok(client.POST("/api/email-log", { body: email_ }));
  await ok(client.GET("/api/customers/{id}/email-log", id));
  await ok(client.GET("/api/email-log/status", { params: { query: { internetMessageId } } }));

  // Log on send: the intent Outlook's send handler posts, and the caller's list of them.
  const intent = { marker: `readme-${Date.now()}-marker`, customerId: customer.id, contactId: contact.id };
  await ok(client.POST("/api/log-intents", { body: intent }));
  await ok(client.POST("/api/log-intents", { body: intent }));
  await ok(client.GET("/api/log-intents", { params: { query: { state: "PENDING" } } }));

  // Opportunities, incidents, actions.
  const opportunity = await ok(
    client.POST("/api/opportunities", {
      body: { customerId: customer.id, title: "Fleet", value: "12500.00", currency: "EUR" },
    }),
  );
  await ok(client.GET("/api/opportunities", { params: { query: { customerId: customer.id } } }));
  await ok(client.GET("/api/opportunities/{id}", { params: { path: { id: opportunity.id } } }));
  await ok(
    client.PATCH("/api/opportunities/{id}", {
      params: { path: { id: opportunity.id } },
      body: { version: opportunity.version, stage: "PROPOSAL" },
    }),
  );
  const incident = await ok(
    client.POST("/api/incidents", { body: { customerId: customer.id, subject: "Late delivery" } }),
  );
  await ok(client.GET("/api/incidents", { params: { query: { customerId: customer.id } } }));
  await ok(client.GET("/api/incidents/{id}", { params: { path: { id: incident.id } } }));
  await ok(
    client.PATCH("/api/incidents/{id}", {
      params: { path: { id: incident.id } },
      body: { version: incident.version, state: "IN_PROGRESS" },
    }),
  );
  const action = await ok(
    client.POST("/api/actions", { body: { opportunityId: opportunity.id, title: "Send offer", dueDate: day(3) } }),
  );
  await ok(client.GET("/api/actions", { params: { query: { opportunityId: opportunity.id } } }));
  await ok(
    client.PATCH("/api/actions/{id}", {
      params: { path: { id: action.id } },
      body: { version: action.version, done: true },
    }),
  );

  // Special prices, quotes and orders (a line without unitPrice takes the special price).
  const price = await ok(
    client.POST("/api/customers/{id}/special-prices", {
      ...id,
      body: { item: "WIDGET", unitPrice: "9.50", currency: "EUR" },
    }),
  );
  await ok(client.GET("/api/customers/{id}/special-prices", id));
  await ok(
    client.PATCH("/api/special-prices/{id}", {
      params: { path: { id: price.id } },
      body: { version: price.version, discountPercent: "5" },
    }),
  );
  const quote = await ok(
    client.POST("/api/quotes", {
      body: { customerId: customer.id, currency: "EUR", lines: [{ item: "WIDGET", quantity: "10" }] },
    }),
  );
  await ok(client.GET("/api/quotes", { params: { query: { customerId: customer.id } } }));
  await ok(client.GET("/api/quotes/{id}", { params: { path: { id: quote.id } } }));
  const changedQuote = await ok(
    client.PATCH("/api/quotes/{id}", {
      params: { path: { id: quote.id } },
      body: { version: quote.version, title: "Widgets" },
    }),
  );
  await ok(
    client.POST("/api/quotes/{id}/convert", {
      params: { path: { id: quote.id } },
      body: { version: changedQuote.version },
    }),
  );
  const order = await ok(
    client.POST("/api/orders", {
      body: { customerId: customer.id, lines: [{ item: "BOLT", quantity: 2, unitPrice: "1.25" }] },
    }),
  );
  await ok(client.GET("/api/orders", { params: { query: { customerId: customer.id } } }));
  await ok(client.GET("/api/orders/{id}", { params: { path: { id: order.id } } }));
  await ok(
    client.PATCH("/api/orders/{id}", {
      params: { path: { id: order.id } },
      body: { version: order.version, status: "CLOSED" },
    }),
  );
  // A loaner order: lent equipment with a due-back date, closed by its return.
  const loaner = await ok(
    client.POST("/api/orders", {
      body: {
        customerId: customer.id,
        type: "LOANER",
        dueBackOn: day(14),
        lines: [{ item: "PUMP-200", quantity: 1, unitPrice: "0" }],
      },
    }),
  );
  await ok(
    client.POST("/api/orders/{id}/return", {
      params: { path: { id: loaner.id } },
      body: { returnedOn: day(0), remark: "Complete" },
    }),
  );
  await ok(client.DELETE("/api/special-prices/{id}", { params: { path: { id: price.id } } }));

  // Cold calls, third parties, ship-to, consent, comments.
  await ok(
    client.POST("/api/cold-calls", {
      body: {
        customerId: customer.id,
        contactId: contact.id,
        outcome: "CALL_BACK",
        followUp: { subject: "Call back", startsAt: `${day(7)}T10:00:00Z` },
      },
    }),
  );
  const thirdParty = await ok(
    client.POST("/api/customers/{id}/third-parties", { ...id, body: { name: "Spedition Schulz", role: "Carrier" } }),
  );
  await ok(client.GET("/api/customers/{id}/third-parties", id));
  await ok(
    client.PATCH("/api/third-parties/{id}", {
      params: { path: { id: thirdParty.id } },
      body: { version: thirdParty.version, contractNumber: "C-17" },
    }),
  );
  await ok(client.DELETE("/api/third-parties/{id}", { params: { path: { id: thirdParty.id } } }));
  const shipTo = await ok(
    client.POST("/api/customers/{id}/ship-to", {
      ...id,
      body: { street: "Lagerweg 3", postalCode: "12057", city: "Berlin", country: "Germany" },
    }),
  );
  await ok(client.GET("/api/customers/{id}/ship-to", id));
  await ok(client.PATCH("/api/ship-to/{id}", { params: { path: { id: shipTo.id } }, body: { name: "Warehouse" } }));
  await ok(client.DELETE("/api/ship-to/{id}", { params: { path: { id: shipTo.id } } }));
  await ok(
    client.POST("/api/contacts/{id}/consent", {
      params: { path: { id: contact.id } },
      body: { channel: "EMAIL", status: "GRANTED", source: "Trade fair form", date: day(0) },
    }),
  );
  await ok(client.GET("/api/contacts/{id}/consent", { params: { path: { id: contact.id } } }));
  const comment = await ok(
    client.POST("/api/customers/{id}/comments", { ...id, body: { body: "Prefers mornings", pinned: true } }),
  );
  await ok(client.GET("/api/customers/{id}/comments", id));
  await ok(
    client.PATCH("/api/comments/{id}", {
      params: { path: { id: comment.id } },
      body: { version: comment.version, pinned: false },
    }),
  );
  await ok(client.DELETE("/api/comments/{id}", { params: { path: { id: comment.id } } }));

  // Timeline and profiling.
  await ok(
    client.GET("/api/customers/{id}/timeline", {
      params: {
        path: { id: customer.id },
        query: { kind: ["ACTIVITY", "EMAIL"], from: `${day(-30)}T00:00:00Z`, to: `${day(30)}T00:00:00Z` },
      },
    }),
  );
  await ok(client.GET("/api/profiling/sets", { params: { query: { includeInactive: "true" } } }));
  const set = await ok(
    client.POST("/api/profiling/sets", {
      body: { name: `Fleet ${Date.now()}`, questions: [{ text: "Vehicles?", kind: "NUMBER" }] },
    }),
  );
  const changedSet = await ok(
    client.PATCH("/api/profiling/sets/{id}", {
      params: { path: { id: set.id } },
      body: { version: set.version, description: "Fleet size" },
    }),
  );
  const questionId = changedSet.questions[0]!.id;
  await ok(client.GET("/api/customers/{id}/profiling", id));
  await ok(
    client.PUT("/api/customers/{id}/profiling/answers", { ...id, body: { answers: [{ questionId, value: 12 }] } }),
  );
  await ok(
    client.GET("/api/customers/{id}/profiling/history", {
      params: { path: { id: customer.id }, query: { questionId } },
    }),
  );

  // Files: the body is the file itself, its type the Content-Type, its name in ?fileName=.
  const upload = (file: Blob) => ({ body: file, bodySerializer: raw, headers: { "Content-Type": file.type } });
  const text = new Blob(["Visit report\n"], { type: "text/plain" });
  const attachment = (
    await ok(
      client.POST("/api/customers/{id}/attachments", {
        ...id,
        params: { ...id.params, query: { fileName: "visit.txt" } },
        ...upload(text),
      }),
    )
  ).id;
  await ok(
    client.POST("/api/activities/{id}/attachments", {
      params: { path: { id: activity.id }, query: { fileName: "agenda.txt" } },
      ...upload(text),
    }),
  );
  await ok(
    client.POST("/api/notes/{id}/attachments", {
      params: { path: { id: note.id }, query: { fileName: "note.txt" } },
      ...upload(text),
    }),
  );
  await ok(
    client.POST("/api/email-log/{entryId}/attachments", {
      params: { path: { entryId: logged.entry.id }, query: { fileName: "offer.txt" } },
      ...upload(text),
    }),
  );
  await ok(client.GET("/api/customers/{id}/attachments", id));
  await ok(client.GET("/api/activities/{id}/attachments", activityId));
  await ok(client.GET("/api/notes/{id}/attachments", noteId));
  await ok(client.GET("/api/email-log/{entryId}/attachments", { params: { path: { entryId: logged.entry.id } } }));
  const content: Blob = await ok(
    client.GET("/api/attachments/{id}/content", { params: { path: { id: attachment } }, parseAs: "blob" }),
  );
  if ((await content.text()) !== "Visit report\n") throw new Error("the download is not the upload");
  await ok(client.DELETE("/api/attachments/{id}", { params: { path: { id: attachment } } }));
  await ok(client.DELETE("/api/notes/{id}", noteId));

  // Reports: JSON, CSV with ?format=csv, the label sheet as PDF, contact history.
  const period = { from: day(-30), to: day(30) };
  await ok(
    client.GET("/api/reports/customers", {
      params: { query: { type: [type.name], status: [1], salesman: "me", lifecycle: ["ACTIVE"], periodOf: "created" } },
    }),
  );
  const csv: string = await ok(
    client.GET("/api/reports/customers", { params: { query: { format: "csv" } }, parseAs: "text" }),
  );
  if (!csv.includes("Fabrikam Berlin")) throw new Error("the CSV misses the customer");
  await ok(
    client.GET("/api/reports/activities", {
      params: { query: { ...period, activityType: ["VISIT"], activityStatus: ["PLANNED"], salesman: me.id } },
    }),
  );
  await ok(client.GET("/api/reports/activity-summary", { params: { query: { ...period, groupBy: "week" } } }));
  await ok(client.GET("/api/reports/quotes", { params: { query: { quoteStatus: ["CONVERTED"], status: [1] } } }));
  await ok(client.GET("/api/reports/customers/labels.pdf", { params: { query: { status: [1] } }, parseAs: "blob" }));
  await ok(
    client.GET("/api/customers/{id}/contact-history", { params: { path: { id: customer.id }, query: { months: 12 } } }),
  );

  // Calendar sync ("sync now"); this service has no Outlook connection, so it answers that it is off.
  await ok(client.POST("/api/sync/run"));
  // Sync health: every user's (the README signs in as an admin), and one's own.
  await ok(client.GET("/api/sync/health"));
  await ok(client.GET("/api/sync/health/me"));
  // Graph's validation request to the notification endpoint (no token): the token comes back as text.
  const validated = await anonymous.POST("/api/graph/notifications", {
    params: { query: { validationToken: "Validation: check" } },
    body: undefined as never,
    parseAs: "text",
  });
  if (validated.data !== "Validation: check") throw new Error(`validation answered ${validated.response.status}`);
  await ok(client.GET("/api/me"));
  return calls;
}

/**
 * Calls the document must refuse: each line fails to type-check if the document lets it through
 * (a required parameter marked optional, a body field of the wrong type, a route that does not exist).
 * Never run.
 */
export function refusedByTheDocument(client: CrmClient) {
  // @ts-expect-error the lookup needs at least one email
  void client.GET("/api/lookup", { params: { query: {} } });
  // @ts-expect-error a search is text
  void client.GET("/api/customers", { params: { query: { search: 1 } } });
  // @ts-expect-error a customer needs an account number, a name and a status
  void client.POST("/api/customers", { body: { name: "Fabrikam" } });
  // @ts-expect-error an update carries the version it was based on
  void client.PATCH("/api/customers/{id}", { params: { path: { id: "x" } }, body: { name: "Fabrikam" } });
  // @ts-expect-error an upload names its file
  void client.POST("/api/customers/{id}/attachments", { params: { path: { id: "x" } }, body: new Blob([]) });
  // @ts-expect-error the activity report needs a period
  void client.GET("/api/reports/activities", { params: { query: {} } });
  // @ts-expect-error there is no such route
  void client.GET("/api/customers/{id}/invoices", { params: { path: { id: "x" } } });
}
