import fs from "node:fs";
import http from "node:http";
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

  it("keeps its subscriptions across a restart, and notifies the subscriber over HTTP", async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "graph-fake-")), "calendars.json");
    const received: unknown[] = [];
    const subscriber = http.createServer((request, response) => {
      const token = new URL(request.url!, "http://x").searchParams.get("validationToken");
      if (token !== null) return response.writeHead(200, { "content-type": "text/plain" }).end(token);
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push(JSON.parse(body));
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => subscriber.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(subscriber.address() as { port: number }).port}/hook`;
    const headers = { authorization: "Bearer demo-alice@contoso.com", "content-type": "application/json" };
    const first = await startGraphFakeServer({ stateFile });
    const created = await fetch(`${first.baseUrl}/subscriptions`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        changeType: "created,updated,deleted",
        notificationUrl: url,
        resource: "me/events",
        expirationDateTime: new Date(Date.now() + 86_400_000).toISOString(),
        clientState: "s3cret",
      }),
    });
    expect(created.status).toBe(201);
    const subscription = (await created.json()) as { id: string };
    await first.close();

    const second = await startGraphFakeServer({ stateFile });
    try {
      const event = await fetch(`${second.baseUrl}/me/events`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          subject: "Visit",
          start: { dateTime: "2027-03-02T09:00:00", timeZone: "UTC" },
          end: { dateTime: "2027-03-02T10:00:00", timeZone: "UTC" },
        }),
      });
      expect(event.status).toBe(201);
      await second.fake.notifications.settled();
      expect(received).toEqual([
        {
          value: [
            expect.objectContaining({ subscriptionId: subscription.id, clientState: "s3cret", changeType: "created" }),
          ],
        },
      ]);
    } finally {
      await second.close();
      subscriber.close();
    }
  });

  it("refuses subscriptions Graph refuses: too long, not https, a long clientState, a URL that does not echo", async () => {
    const silent = http.createServer((_request, response) => response.writeHead(200).end("nope"));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const mute = `http://127.0.0.1:${(silent.address() as { port: number }).port}/hook`;
    const server = await startGraphFakeServer({});
    const subscribe = async (fields: Record<string, unknown>) => {
      const response = await fetch(`${server.baseUrl}/subscriptions`, {
        method: "POST",
        headers: { authorization: "Bearer demo-alice@contoso.com", "content-type": "application/json" },
        body: JSON.stringify({
          changeType: "updated",
          notificationUrl: mute,
          resource: "me/events",
          expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
          ...fields,
        }),
      });
      return { status: response.status, code: ((await response.json()) as { error?: { code: string } }).error?.code };
    };
    try {
      const week = new Date(Date.now() + 10_081 * 60_000).toISOString();
      expect(await subscribe({ expirationDateTime: week })).toEqual({ status: 400, code: "InvalidRequest" });
      expect(await subscribe({ notificationUrl: "http://crm.contoso.com/hook" })).toMatchObject({ status: 400 });
      expect(await subscribe({ clientState: "x".repeat(129) })).toMatchObject({ status: 400 });
      expect(await subscribe({ changeType: "moved" })).toMatchObject({ status: 400 });
      expect(await subscribe({})).toEqual({ status: 400, code: "ValidationError" });
      expect(server.fake.notifications.all()).toEqual([]);
    } finally {
      await server.close();
      silent.close();
    }
  });
});
