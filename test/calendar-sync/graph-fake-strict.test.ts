import { createGraphFake } from "../../demo/graph-fake/fake-graph.handler";

// The fake refuses what Graph refuses, with Graph's error body
// (https://learn.microsoft.com/graph/errors), so a sync that passes against it sends only what
// Graph takes. Straight at the fake's handler: no service, no database.

const BASE = "https://graph.fake.test/v1.0";
const TOKEN = "strict@contoso.com";

function setup() {
  const fake = createGraphFake({ baseUrl: BASE });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fake.handle(
      new Request(`${BASE}${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return { fake, call };
}

const event = {
  subject: "Visit",
  start: { dateTime: "2026-11-10T09:00:00.0000000", timeZone: "W. Europe Standard Time" },
  end: { dateTime: "2026-11-10T10:00:00.0000000", timeZone: "W. Europe Standard Time" },
};

const expectGraphError = (answer: { status: number; body: unknown }, status: number, code: string, text?: RegExp) => {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({
    error: {
      code,
      message: expect.any(String),
      innerError: { "request-id": expect.any(String), date: expect.any(String) },
    },
  });
  if (text) expect((answer.body as { error: { message: string } }).error.message).toMatch(text);
};

describe("the Graph fake is as strict as Graph", () => {
  it("takes Windows zones, the documented IANA ones and UTC, and refuses any other zone", async () => {
    const { call } = setup();
    for (const timeZone of ["W. Europe Standard Time", "Europe/Berlin", "UTC", "Pacific Standard Time"])
      expect((await call("POST", "/me/events", { ...event, start: { ...event.start, timeZone } })).status).toBe(201);
    for (const timeZone of ["Europe/Amsterdam", "Europe/Vienna", "CET", "Berlin", ""])
      expectGraphError(
        await call("POST", "/me/events", { ...event, end: { ...event.end, timeZone } }),
        400,
        "TimeZoneNotSupportedException",
        new RegExp(`not supported: '${timeZone}'`),
      );
  });

  it("refuses properties event does not have, on it and inside its complex types", async () => {
    const { call } = setup();
    expectGraphError(await call("POST", "/me/events", { ...event, colour: "red" }), 400, "RequestBodyRead", /'colour'/);
    expectGraphError(
      await call("POST", "/me/events", { ...event, location: { displayName: "HQ", floor: 3 } }),
      400,
      "RequestBodyRead",
      /'floor' does not exist on type 'Microsoft.OutlookServices.Location'/,
    );
    expectGraphError(
      await call("POST", "/me/events", {
        ...event,
        attendees: [{ emailAddress: { address: "a@b.com", phone: "1" }, type: "required" }],
      }),
      400,
      "RequestBodyRead",
      /'phone'/,
    );
  });

  it("refuses enum values Graph does not define and values of the wrong type", async () => {
    const { call } = setup();
    expectGraphError(
      await call("POST", "/me/events", { ...event, showAs: "away" }),
      400,
      "RequestBodyRead",
      /FreeBusyStatus/,
    );
    expectGraphError(
      await call("POST", "/me/events", { ...event, attendees: [{ emailAddress: { address: "a@b.com" }, type: "cc" }] }),
      400,
      "RequestBodyRead",
      /AttendeeType/,
    );
    expectGraphError(
      await call("POST", "/me/events", { ...event, body: { contentType: "markdown", content: "x" } }),
      400,
      "RequestBodyRead",
      /BodyType/,
    );
    expectGraphError(await call("POST", "/me/events", { ...event, isAllDay: "yes" }), 400, "RequestBodyRead");
    expectGraphError(
      await call("POST", "/me/events", { ...event, reminderMinutesBeforeStart: 1.5 }),
      400,
      "RequestBodyRead",
    );
    expectGraphError(await call("POST", "/me/events", "{not json"), 400, "BadRequest");
  });

  it("ignores read-only properties: Graph sets them", async () => {
    const { call } = setup();
    const created = await call("POST", "/me/events", { ...event, id: "mine", changeKey: "mine", isOrganizer: false });
    expect(created.status).toBe(201);
    expect(created.body.id).not.toBe("mine");
    expect(created.body.changeKey).not.toBe("mine");
  });

  it("answers a PATCH whose If-Match is not the current change key with 412", async () => {
    const { call } = setup();
    const created = await call("POST", "/me/events", event);
    const path = `/me/events/${created.body.id}`;
    expectGraphError(
      await call("PATCH", path, { subject: "Changed" }, { "If-Match": 'W/"not-the-key"' }),
      412,
      "ErrorIrresolvableConflict",
      /change key/,
    );
    const patched = await call("PATCH", path, { subject: "Changed" }, { "If-Match": `W/"${created.body.changeKey}"` });
    expect(patched).toMatchObject({ status: 200, body: { subject: "Changed" } });
    // The old key is stale now.
    expectGraphError(
      await call("PATCH", path, { subject: "Again" }, { "If-Match": `W/"${created.body.changeKey}"` }),
      412,
      "ErrorIrresolvableConflict",
    );
  });

  describe("$batch", () => {
    const item = (id: string, extra: object = {}) => ({
      id,
      method: "POST",
      url: "/me/events",
      headers: { "Content-Type": "application/json" },
      body: event,
      ...extra,
    });

    it("refuses more than 20 requests, missing or repeated ids, absolute urls and bodies without Content-Type", async () => {
      const { call, fake } = setup();
      const refused = [
        { requests: Array.from({ length: 21 }, (_, index) => item(String(index))) },
        { requests: [item("1"), item("1")] },
        { requests: [{ ...item("1"), id: undefined }] },
        { requests: [{ ...item("1"), id: 7 }] },
        { requests: [item("1", { url: `${BASE}/me/events` })] },
        { requests: [item("1", { headers: {} })] },
        { requests: [item("1", { method: "FETCH" })] },
        { requests: [] },
        { value: [] },
      ];
      for (const body of refused) expectGraphError(await call("POST", "/$batch", body), 400, "BadRequest");
      // A refused batch runs none of its requests.
      expect(fake.events(TOKEN)).toHaveLength(0);
      expect(
        (await call("POST", "/$batch", { requests: Array.from({ length: 20 }, (_, i) => item(String(i))) })).status,
      ).toBe(200);
      expect(fake.events(TOKEN)).toHaveLength(20);
    });

    it("refuses dependsOn naming no request of the batch, itself, or a cycle", async () => {
      const { call } = setup();
      for (const requests of [
        [item("1", { dependsOn: ["9"] })],
        [item("1", { dependsOn: ["1"] })],
        [item("1", { dependsOn: ["2"] }), item("2", { dependsOn: ["1"] })],
        [item("1", { dependsOn: "2" }), item("2")],
      ])
        expectGraphError(await call("POST", "/$batch", { requests }), 400, "BadRequest");
    });

    it("fails a request whose dependency failed with 424, and runs it after a dependency that worked", async () => {
      const { call } = setup();
      const answer = await call("POST", "/$batch", {
        requests: [
          item("bad", { body: { ...event, showAs: "away" } }),
          item("after-bad", { dependsOn: ["bad"] }),
          item("good"),
          item("after-good", { dependsOn: ["good"] }),
        ],
      });
      const statuses = Object.fromEntries(
        (answer.body.responses as { id: string; status: number }[]).map((response) => [response.id, response.status]),
      );
      expect(statuses).toEqual({ bad: 400, "after-bad": 424, good: 201, "after-good": 201 });
    });
  });

  describe("series and Teams meetings", () => {
    // recurrencePattern / recurrenceRange (learn.microsoft.com/graph/api/resources/patternedrecurrence).
    const weekly = {
      pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday"], firstDayOfWeek: "monday" },
      range: {
        type: "numbered",
        startDate: "2026-11-10",
        numberOfOccurrences: 4,
        recurrenceTimeZone: "W. Europe Standard Time",
      },
    };

    it("takes a series with a Windows recurrenceTimeZone, and refuses a recurrence Graph would", async () => {
      const { call, fake } = setup();
      expect((await call("POST", "/me/events", { ...event, recurrence: weekly })).status).toBe(201);
      const instances = fake.instances(TOKEN, new Date("2026-11-01T00:00:00Z"), new Date("2026-12-31T00:00:00Z"));
      expect(instances.map((instance) => instance.start.dateTime.slice(0, 10))).toEqual([
        "2026-11-10",
        "2026-11-17",
        "2026-11-24",
        "2026-12-01",
      ]);
      const refused: [object, string, RegExp][] = [
        [
          { ...weekly, range: { ...weekly.range, recurrenceTimeZone: "Europe/Amsterdam" } },
          "TimeZoneNotSupportedException",
          /Europe\/Amsterdam/,
        ],
        [{ ...weekly, pattern: { type: "weekly", interval: 1 } }, "ErrorInvalidRequest", /daysOfWeek/],
        [{ ...weekly, pattern: { type: "absoluteMonthly", interval: 1 } }, "ErrorInvalidRequest", /dayOfMonth/],
        [{ ...weekly, pattern: { ...weekly.pattern, interval: 0 } }, "ErrorInvalidRequest", /interval/],
        [
          { ...weekly, range: { type: "numbered", startDate: "2026-11-10" } },
          "ErrorInvalidRequest",
          /numberOfOccurrences/,
        ],
        [
          { ...weekly, range: { type: "endDate", startDate: "2026-11-10", endDate: "2026-11-01" } },
          "ErrorInvalidRequest",
          /endDate/,
        ],
        [{ pattern: weekly.pattern }, "ErrorInvalidRequest", /range/],
        [{ ...weekly, pattern: { ...weekly.pattern, type: "hourly" } }, "RequestBodyRead", /RecurrencePatternType/],
        [{ ...weekly, pattern: { ...weekly.pattern, daysOfWeek: ["tue"] } }, "RequestBodyRead", /DayOfWeek/],
        [{ ...weekly, range: { ...weekly.range, until: "2026-12-01" } }, "RequestBodyRead", /'until'/],
      ];
      for (const [recurrence, code, text] of refused)
        expectGraphError(await call("POST", "/me/events", { ...event, recurrence }), 400, code, text);
      expect(fake.events(TOKEN)).toHaveLength(1);
    });

    it("changes and deletes one occurrence by its id, validating the change as Graph does", async () => {
      const { call, fake } = setup();
      await call("POST", "/me/events", { ...event, recurrence: weekly });
      const window = [new Date("2026-11-01T00:00:00Z"), new Date("2026-12-31T00:00:00Z")] as const;
      const [first, second] = fake.instances(TOKEN, ...window);
      const path = (id: string) => `/me/events/${encodeURIComponent(id)}`;
      expectGraphError(await call("PATCH", path(first!.id), { colour: "red" }), 400, "RequestBodyRead", /'colour'/);
      expectGraphError(
        await call("PATCH", path(first!.id), { start: { ...event.start, timeZone: "Europe/Vienna" } }),
        400,
        "TimeZoneNotSupportedException",
      );
      expectGraphError(await call("PATCH", path(first!.id), { recurrence: weekly }), 400, "ErrorInvalidRequest");
      const moved = await call(
        "PATCH",
        path(first!.id),
        { subject: "Moved one" },
        { "If-Match": `W/"${first!.changeKey}"` },
      );
      expect(moved).toMatchObject({ status: 200, body: { id: first!.id, type: "exception", subject: "Moved one" } });
      expect((await call("DELETE", path(second!.id))).status).toBe(204);
      const left = fake.instances(TOKEN, ...window);
      expect(left.map((instance) => [instance.subject, instance.type])).toEqual([
        ["Moved one", "exception"],
        ["Visit", "occurrence"],
        ["Visit", "occurrence"],
      ]);
    });

    it("makes a Teams meeting when asked with a provider the calendar allows, and refuses providers Graph does not know", async () => {
      const { call } = setup();
      const calendar = await call("GET", "/me/calendar");
      expect(calendar).toMatchObject({ status: 200, body: { allowedOnlineMeetingProviders: ["teamsForBusiness"] } });
      const created = await call("POST", "/me/events", {
        ...event,
        isOnlineMeeting: true,
        onlineMeetingProvider: "teamsForBusiness",
      });
      expect(created.body).toMatchObject({
        isOnlineMeeting: true,
        onlineMeeting: { joinUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\//) },
      });
      // A later PATCH that does not mention it leaves the meeting online.
      const patched = await call("PATCH", `/me/events/${created.body.id}`, { subject: "Renamed" });
      expect(patched.body).toMatchObject({
        isOnlineMeeting: true,
        onlineMeeting: { joinUrl: created.body.onlineMeeting.joinUrl },
      });
      expectGraphError(
        await call("POST", "/me/events", { ...event, isOnlineMeeting: true, onlineMeetingProvider: "zoom" }),
        400,
        "RequestBodyRead",
        /OnlineMeetingProviderType/,
      );
      expectGraphError(await call("POST", "/me/events", { ...event, isOnlineMeeting: "yes" }), 400, "RequestBodyRead");
    });
  });
});
