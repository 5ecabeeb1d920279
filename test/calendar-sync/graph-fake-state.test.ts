import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startGraphFakeServer } from "../../demo/graph-fake/fake-graph.server";

describe("the Graph fake behind npm start", () => {
  it("keeps its calendars across a restart when given a state file", async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "graph-fake-")), "calendars.json");
    const headers = { authorization: "Bearer demo-alice@contoso.com", "content-type": "application/json" };
    const first = await startGraphFakeServer({ stateFile });
    const created = await fetch(`${first.baseUrl}/me/events`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        subject: "Quarterly business review",
        start: { dateTime: "2027-03-01T09:00:00", timeZone: "Europe/Berlin" },
        end: { dateTime: "2027-03-01T10:00:00", timeZone: "Europe/Berlin" },
      }),
    });
    expect(created.status).toBe(201);
    const event = (await created.json()) as { id: string };
    await first.close();

    const second = await startGraphFakeServer({ stateFile });
    try {
      const again = await fetch(`${second.baseUrl}/me/events/${event.id}`, { headers });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ id: event.id, subject: "Quarterly business review" });
      const other = await fetch(`${second.baseUrl}/me/events/${event.id}`, {
        headers: { ...headers, authorization: "Bearer demo-ben@contoso.com" },
      });
      expect(other.status).toBe(404);
    } finally {
      await second.close();
    }
  });
});
