/* eslint-disable @typescript-eslint/no-explicit-any -- the suite reads Graph answers as JSON */
import { createGraphMailFake } from "../../demo/graph-fake/mail/fake-mail.handler";
import { MARKER_PROPERTY_ID, markerFilter } from "../../service/src/features/log-on-send/sent-items.gateway";

// The Graph mail fake answers as Graph's documents say, and refuses what Graph refuses: a fake that
// took anything would let the service's requests drift from what Microsoft accepts.
const BASE = "https://graph.fake.test/v1.0";
const TOKEN = "fake-alice@contoso.com";

describe("the Graph mail fake", () => {
  const fake = createGraphMailFake({ baseUrl: BASE });
  const get = async (path: string, init: { token?: string | null; prefer?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? TOKEN}`;
    if (init.prefer) headers.prefer = init.prefer;
    const response = await fake.handle(new Request(`${BASE}${path}`, { headers }));
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString().replaceAll("+", "%20");
  const sent = fake.outlook.send(TOKEN, {
    from: { address: "alice@contoso.com" },
    to: [{ address: "jonas.keller@fabrikam.com" }],
    subject: "Offer",
    internetHeaders: { "x-crm-log": "Marker-ABC-123-456-789" },
  });
  fake.outlook.send(TOKEN, { from: { address: "alice@contoso.com" }, to: [], subject: "Other" });

  it("finds a Sent Items message by its x-header's extended property, the value matched without case", async () => {
    const found = await get(
      `/me/mailFolders/sentitems/messages?${query({ $filter: markerFilter("marker-abc-123-456-789"), $select: "id,internetMessageId" })}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.value).toEqual([
      { id: sent.id, "@odata.etag": expect.any(String), internetMessageId: sent.internetMessageId },
    ]);
  });

  it("matches the Name in the property id case-sensitively, as Graph documents", async () => {
    const filter = `singleValueExtendedProperties/any(ep: ep/id eq '${MARKER_PROPERTY_ID.replace("x-crm-log", "X-CRM-Log")}' and ep/value eq 'Marker-ABC-123-456-789')`;
    const found = await get(`/me/mailFolders/sentitems/messages?${query({ $filter: filter })}`);
    expect(found.body.value).toEqual([]);
  });

  it("refuses a filter on internetMessageHeaders and returns the headers only when selected", async () => {
    const refused = await get(
      `/me/mailFolders/sentitems/messages?${query({ $filter: "internetMessageHeaders/any(h: h/name eq 'x-crm-log')" })}`,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("ErrorInvalidUrlQueryFilter");
    const plain = await get(`/me/messages/${sent.id}`);
    expect(plain.body.internetMessageHeaders).toBeUndefined();
    const selected = await get(`/me/messages/${sent.id}?$select=internetMessageHeaders`);
    expect(selected.body.internetMessageHeaders).toEqual([{ name: "x-crm-log", value: "Marker-ABC-123-456-789" }]);
  });

  it("answers 401 without a token, keeps mailboxes apart, and throttles with Retry-After", async () => {
    expect((await get("/me/mailFolders/sentitems/messages", { token: null })).status).toBe(401);
    expect((await get("/me/mailFolders/sentitems/messages", { token: "fake-ben@contoso.com" })).body.value).toEqual([]);
    fake.inject({ path: /sentitems/, status: 429, retryAfterSeconds: 30 });
    const throttled = await get("/me/mailFolders/sentitems/messages");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("30");
    expect((await get("/me/mailFolders/sentitems/messages")).status).toBe(200);
  });

  it("pages message delta, reports what changed since a deltaLink, and answers 410 for a stale one", async () => {
    const first = await get("/me/mailFolders/sentitems/messages/delta", { prefer: "odata.maxpagesize=1" });
    expect(first.body.value).toHaveLength(1);
    const second = await get(first.body["@odata.nextLink"].slice(BASE.length));
    expect(second.body.value).toHaveLength(1);
    const deltaLink: string = second.body["@odata.deltaLink"];
    expect(deltaLink).toBeDefined();
    const later = fake.outlook.send(TOKEN, { from: { address: "alice@contoso.com" }, to: [], subject: "Later" });
    fake.outlook.delete(TOKEN, sent.id);
    const changes = await get(deltaLink.slice(BASE.length));
    expect(changes.body.value).toEqual([
      expect.objectContaining({ id: later.id }),
      { id: sent.id, "@removed": { reason: "deleted" } },
    ]);
    fake.outlook.expireDeltaTokens(TOKEN);
    const stale = await get(changes.body["@odata.deltaLink"].slice(BASE.length));
    expect(stale.status).toBe(410);
    expect(stale.body.error.code).toBe("SyncStateNotFound");
  });

  it("reads one message by its REST id with $select, refusing an EWS-form id and not finding another mailbox's", async () => {
    const received = fake.outlook.receive(TOKEN, {
      from: { address: "jonas.keller@fabrikam.com" },
      to: [{ address: "alice@contoso.com" }],
      subject: "Offer",
    });
    const one = await get(`/me/messages/${received.id}?$select=subject,from`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      id: received.id,
      "@odata.etag": expect.any(String),
      subject: "Offer",
      from: { emailAddress: { address: "jonas.keller@fabrikam.com" } },
    });
    // office.js hands out the EWS form ("+" and "/"); Graph takes only what convertToRestId makes of it.
    const ews = await get(`/me/messages/${encodeURIComponent("AAMkAGI2+THVSAAA/Ew==")}`);
    expect(ews).toMatchObject({ status: 400, body: { error: { code: "ErrorInvalidIdMalformed" } } });
    expect((await get(`/me/messages/x`)).status).toBe(400);
    const unknown = await get(`/me/messages/AAMkAGI2THVSAAA_Ew-unknown`);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "ErrorItemNotFound" } } });
    const otherMailbox = await get(`/me/messages/${received.id}`, { token: "fake-ben@contoso.com" });
    expect(otherMailbox.status).toBe(404);
  });

  it("refuses folders and paths it does not know instead of answering something", async () => {
    expect((await get("/me/mailFolders/nosuchfolder/messages")).status).toBe(404);
    expect((await get("/me/events")).status).toBe(400);
    expect((await get("/me/mailFolders/sentitems/messages?$top=0")).status).toBe(400);
  });

  it("sends mail as Graph's sendMail does: 202 without a body, a copy in Sent Items with its x-headers", async () => {
    const send = (body: unknown, token = "demo-carla@contoso.com") =>
      fake.handle(
        new Request(`${BASE}/me/sendMail`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    const message = {
      subject: "Offer 4711",
      body: { contentType: "HTML", content: "<p>Offer</p>" },
      toRecipients: [{ emailAddress: { address: "jonas.keller@fabrikam.com", name: "Jonas" } }],
      internetMessageHeaders: [{ name: "x-crm-log", value: "Marker-DEF-123-456-789" }],
    };
    const accepted = await send({ message });
    expect(accepted.status).toBe(202);
    expect(await accepted.text()).toBe("");
    const [copy] = fake.mailbox("demo-carla@contoso.com").live("sentitems");
    expect(copy).toMatchObject({
      subject: "Offer 4711",
      from: { emailAddress: { address: "carla@contoso.com" } },
      toRecipients: [{ emailAddress: { address: "jonas.keller@fabrikam.com", name: "Jonas" } }],
      internetMessageHeaders: [{ name: "x-crm-log", value: "Marker-DEF-123-456-789" }],
    });
    expect(copy!.internetMessageId).toMatch(/^<.+@.+>$/);
    // The marker search finds it, as for mail sent in Outlook.
    const found = await get(
      `/me/mailFolders/sentitems/messages?${query({ $filter: markerFilter("Marker-DEF-123-456-789") })}`,
      { token: "demo-carla@contoso.com" },
    );
    expect(found.body.value.map((each: any) => each.id)).toEqual([copy!.id]);

    // What Graph refuses: a custom header not named x-…, no recipient, no message at all.
    for (const refused of [
      { message: { ...message, internetMessageHeaders: [{ name: "Crm-Log", value: "1" }] } },
      { message: { ...message, toRecipients: [] } },
      { subject: "no message" },
    ]) {
      const answer = await send(refused);
      expect(answer.status).toBe(400);
    }
    // saveToSentItems false: sent, no copy kept.
    expect((await send({ message, saveToSentItems: false }, "demo-dora@contoso.com")).status).toBe(202);
    expect(fake.mailbox("demo-dora@contoso.com").live("sentitems")).toEqual([]);
    expect(fake.mailbox("demo-carla@contoso.com").live("sentitems")).toHaveLength(1);
  });

  describe("replies, as a mail client sends them so they stay in the conversation", () => {
    const ERIN = "demo-erin@contoso.com";
    const post = (path: string, body?: unknown, contentType = "application/json", token = ERIN) =>
      fake.handle(
        new Request(`${BASE}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": contentType },
          body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        }),
      );
    const incoming = () =>
      fake.outlook.receive(ERIN, {
        from: { address: "jonas.keller@fabrikam.com", name: "Jonas Keller" },
        to: [{ address: "erin@contoso.com" }],
        subject: "Pump order",
        bodyHtml: "<p>Can you deliver in May?</p>",
      });

    it("reply: 202 without a body, the answer in Sent Items to the sender, RE:, in the same conversation", async () => {
      const original = incoming();
      const accepted = await post(`/me/messages/${original.id}/reply`, { comment: "Yes, <in May>." });
      expect(accepted.status).toBe(202);
      expect(await accepted.text()).toBe("");
      const [answer] = fake.mailbox(ERIN).live("sentitems");
      expect(answer).toMatchObject({
        subject: "RE: Pump order",
        conversationId: original.conversationId,
        from: { emailAddress: { address: "erin@contoso.com" } },
        toRecipients: [{ emailAddress: { address: "jonas.keller@fabrikam.com", name: "Jonas Keller" } }],
        isDraft: false,
      });
      // The comment above the quoted original, as text, not markup.
      expect(answer!.body.content).toMatch(/^<p>Yes, &lt;in May&gt;\.<\/p><hr>.*Can you deliver in May\?/s);
      // More recipients through the message parameter; a body instead of a comment.
      expect(
        (
          await post(`/me/messages/${original.id}/reply`, {
            message: {
              toRecipients: [{ emailAddress: { address: "buyer@fabrikam.com" } }],
              body: { contentType: "HTML", content: "<p>Confirmed</p>" },
            },
          })
        ).status,
      ).toBe(202);
      const second = fake.mailbox(ERIN).live("sentitems")[1]!;
      expect(second.toRecipients.map((entry) => entry.emailAddress.address)).toEqual([
        "jonas.keller@fabrikam.com",
        "buyer@fabrikam.com",
      ]);
      expect(second.body.content).toBe("<p>Confirmed</p>");
    });

    it("createReply then send: a draft in Drafts (201), then in Sent Items with the same internetMessageId", async () => {
      const original = incoming();
      const created = await post(`/me/messages/${original.id}/createReply`, { comment: "Draft answer" });
      expect(created.status).toBe(201);
      const draft = (await created.json()) as any;
      expect(draft).toMatchObject({
        isDraft: true,
        parentFolderId: "drafts",
        subject: "RE: Pump order",
        conversationId: original.conversationId,
      });
      expect(
        fake
          .mailbox(ERIN)
          .live("sentitems")
          .map((each) => each.id),
      ).not.toContain(draft.id);
      const sent = await post(`/me/messages/${draft.id}/send`);
      expect(sent.status).toBe(202);
      const copy = fake
        .mailbox(ERIN)
        .live("sentitems")
        .find((each) => each.internetMessageId === draft.internetMessageId);
      expect(copy).toMatchObject({
        isDraft: false,
        conversationId: original.conversationId,
        subject: "RE: Pump order",
      });
      expect(fake.mailbox(ERIN).live("drafts")).toEqual([]);
      // Sent once: the draft is gone, so sending it again finds nothing; a received message is no draft.
      expect((await post(`/me/messages/${draft.id}/send`)).status).toBe(404);
      expect((await post(`/me/messages/${original.id}/send`)).status).toBe(400);
    });

    it("refuses what Graph refuses: a comment and a body together, an unknown message, no token; and says it reads no MIME", async () => {
      const original = incoming();
      const both = await post(`/me/messages/${original.id}/reply`, {
        comment: "Hi",
        message: { body: { contentType: "Text", content: "Hi" } },
      });
      expect(both.status).toBe(400);
      expect(((await both.json()) as any).error.message).toMatch(/either a comment or the body/);
      expect((await post(`/me/messages/AAMkNOSUCH/reply`, { comment: "Hi" })).status).toBe(404);
      expect((await post(`/me/messages/${original.id}/createReply`, { comment: 42 })).status).toBe(400);
      const mime = await post(`/me/messages/${original.id}/reply`, "RnJvbTogQWxleA==", "text/plain");
      expect(mime.status).toBe(400);
      expect(((await mime.json()) as any).error.message).toMatch(/MIME/);
      const anonymous = await fake.handle(
        new Request(`${BASE}/me/messages/${original.id}/reply`, { method: "POST", body: "{}" }),
      );
      expect(anonymous.status).toBe(401);
      // Another user's message is not in this mailbox.
      expect((await post(`/me/messages/${original.id}/reply`, { comment: "Hi" }, undefined, TOKEN)).status).toBe(404);
    });
  });

  it("lets the demo make a message arrive in a user's Inbox, in a conversation, naming what is wrong (not Graph)", () => {
    const tokenOf = (address: string) => `demo-${address}`;
    const first = fake.deliver(
      { to: "finn@contoso.com", from: { address: "lena@fabrikam.com", name: "Lena" }, subject: "Offer" },
      tokenOf,
    );
    expect(first.status).toBe(201);
    const firstMessage = first.body as any;
    const later = fake.deliver(
      {
        to: "finn@contoso.com",
        from: { address: "lena@fabrikam.com" },
        subject: "RE: Offer",
        inReplyTo: firstMessage.internetMessageId,
      },
      tokenOf,
    );
    expect(later.status).toBe(201);
    expect((later.body as any).conversationId).toBe(firstMessage.conversationId);
    expect(
      fake
        .mailbox("demo-finn@contoso.com")
        .live("inbox")
        .map((each) => each.subject),
    ).toEqual(["Offer", "RE: Offer"]);
    for (const [input, field] of [
      [{ from: { address: "lena@fabrikam.com" }, subject: "x" }, "to"],
      [{ to: "finn@contoso.com", from: { address: "not an address" }, subject: "x" }, "from.address"],
      [{ to: "finn@contoso.com", from: { address: "lena@fabrikam.com" } }, "subject"],
      [
        { to: "finn@contoso.com", from: { address: "lena@fabrikam.com" }, subject: "x", inReplyTo: "<none@x>" },
        "inReplyTo",
      ],
    ] as const) {
      const refused = fake.deliver(input, tokenOf);
      expect(refused.status).toBe(400);
      expect((refused.body as any).error.message).toMatch(new RegExp(`^${field.replace(".", "\\.")}:`));
    }
  });
});
