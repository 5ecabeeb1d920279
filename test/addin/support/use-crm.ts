/* eslint-disable @typescript-eslint/no-explicit-any -- the API's answers, as the tests read them */
import { act } from "@testing-library/react";
import { setupServer } from "msw/node";
import { ApiClient, type ApiResponse } from "../../support/api-client";
import { ALICE, BEN, MIA, type PaneUser, type World, type WorldOptions, seedWorld, signInTeam } from "./crm-world";
import type { PaneServiceStarter } from "./pane-environment";
import type { PaneService } from "./pane-service";

/** A request the pane sent, as the service received it. */
export interface SentRequest {
  /** msw's id of the request. */
  id: string;
  method: string;
  /** Path with the query string. */
  path: string;
  body: unknown;
  idempotencyKey: string | null;
  /** What the service (or a fault handler) answered: status and JSON body. */
  answer?: Promise<{ status: number; body: any }>;
}

/** The suite's view of the real service: who the pane signs in as, what it sent, and the seeded world. */
export interface Crm extends World {
  /** The signed-in user of the pane; a test may change the role, the next request carries it. */
  me: PaneUser & { id: string };
  team: Awaited<ReturnType<typeof signInTeam>>;
  /**
   * Every request of the pane's that reached the service in this test, in order of sending (not one a
   * suite's fault handler answered instead of it, such as a dropped connection).
   */
  readonly requests: SentRequest[];
  service: PaneService;
  /** A client of the real API signed in as a user (a colleague, the accounts department), for arranging and checking. */
  as(user: PaneUser): Promise<ApiClient>;
  /** GET as the pane's user: the body of a 200. */
  read(path: string): Promise<any>;
  /** The token the pane sends: the current user in their current role. */
  paneToken(): Promise<string>;
  /** Backdates a row: when the service stamped it with its own clock (notes, lifecycle changes, e-mails logged). */
  backdate(table: "Note" | "CustomerLifecycleChange", id: string, at: string): Promise<void>;
  /** The row the pane created last by a POST to this path (e.g. /api/contacts), as the service has it now. */
  lastCreated(path: string): Promise<any>;
}

/**
 * msw sits in front of the pane's fetch only to see what it sends and, for the few faults the real
 * service cannot be made to show, to answer instead of it (see faults.ts). Everything else passes
 * through to the real service.
 */
export const server = setupServer();

/** An ApiClient whose requests the worker's realm sends, so msw (the pane's fetch) never sees them. */
class RelayedApiClient extends ApiClient {
  constructor(
    private readonly service: PaneService,
    token: string,
    identity: ApiClient["identity"],
  ) {
    super(service.url, token, identity);
  }

  override async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    // Bytes from either realm (jsdom's TextEncoder is Node's): ArrayBuffer.isView, not instanceof.
    const bytes = ArrayBuffer.isView(body);
    // In act(): the pane's own answers keep coming in while a test waits for this one.
    const response = await act(() =>
      this.service.relay({
        method,
        path,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body !== undefined && !bytes ? { "content-type": "application/json" } : {}),
          ...headers,
        },
        ...(bytes
          ? { bodyBase64: Buffer.from(body as Uint8Array).toString("base64") }
          : body === undefined
            ? {}
            : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      }),
    );
    const json = (response.headers["content-type"] ?? "").includes("json");
    return {
      status: response.status,
      body: response.text && json ? JSON.parse(response.text) : response.text || undefined,
      headers: new Headers(response.headers),
    };
  }
}

/** The address of the service's API as the pane calls it (same-origin), for a suite's fault handlers. */
export const apiUrl = (path: string) => new URL(path, location.origin).href;

/** Requests a suite's fault handler answered (see instead()): they never reached the service. */
const answeredInstead = new Set<string>();

/**
 * A suite's msw resolver for a fault the real service cannot be made to show (a dropped connection,
 * a 500): what it answers never reaches the service, so crm.requests leaves it out; when it answers
 * nothing (undefined), the request goes on to the service.
 */
export function instead<R extends (info: { request: Request; requestId: string }) => unknown>(resolver: R): R {
  return ((info: { request: Request; requestId: string }) => {
    const answer = resolver(info);
    if (answer !== undefined) answeredInstead.add(info.requestId);
    return answer;
  }) as R;
}

const WORLD_NOTE_AT = "2026-01-10T10:00:00.000Z";

let current: Crm | undefined;

/** The suite's CRM in the running test (for renderPane). */
export function currentCrm(): Crm {
  if (!current) throw new Error("useCrm() must be called at the top of the suite");
  return current;
}

/**
 * The worker's real service (in-memory PGlite, development issuer, see pane-environment.ts) with the
 * suite's world: entered through its API by the first suite of the worker that asks for it, and put
 * back before every test, so tests never see each other's rows.
 */
export function useCrm(options: { calendarSync?: boolean; world?: WorldOptions } = {}): Crm {
  const crm = {} as Crm;
  let sent: SentRequest[] = [];
  Object.defineProperty(crm, "requests", { get: () => sent.filter((request) => !answeredInstead.has(request.id)) });
  let service: PaneService;
  let team: Crm["team"];
  const clients = new Map<string, Promise<ApiClient>>();
  const as = (user: PaneUser): Promise<ApiClient> => {
    const key = `${user.email}\n${user.role}`;
    if (!clients.has(key))
      clients.set(
        key,
        service
          .token({ email: user.email, name: user.name, role: user.role })
          .then(
            (token) => new RelayedApiClient(service, token, { role: user.role, accounts: () => as(MIA) }) as ApiClient,
          ),
      );
    return clients.get(key)!;
  };

  let world: World;
  const worldKey = JSON.stringify(options.world ?? {});
  beforeAll(async () => {
    const starter = (globalThis as { __paneService?: PaneServiceStarter }).__paneService;
    if (!starter) throw new Error("the pane suites need testEnvironment test/addin/support/pane-environment.ts");
    service = await starter.start({ calendarSync: options.calendarSync });
    const entered = await service.enter(worldKey);
    if (entered) ({ team, world } = JSON.parse(entered) as { team: Crm["team"]; world: World });
    else {
      // Entered once per worker through the API; restored before each test of every suite that asks for it.
      await service.clear();
      team = await signInTeam(as);
      world = await seedWorld(as, options.world);
      // The note as the journeys know it: written on 10 January 2026 (the service stamps it "now").
      await service.sql(`UPDATE "Note" SET "createdAt" = $1, "modifiedAt" = $1 WHERE id = $2`, [
        WORLD_NOTE_AT,
        world.note.id,
      ]);
      world.note = { ...world.note, createdAt: WORLD_NOTE_AT, modifiedAt: WORLD_NOTE_AT };
      await service.keep(worldKey, JSON.stringify({ team, world }));
    }
    server.listen({ onUnhandledRequest: "bypass" });
  });
  afterAll(() => server.close());

  beforeEach(async () => {
    await service.restore(worldKey);
    Object.assign(crm, structuredClone(world), {
      me: { ...ALICE, id: team.alice.id },
      team,
      service,
      as,
      read: async (path: string) => {
        const response = await (await as(crm.me)).get(path);
        if (response.status !== 200)
          throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body;
      },
      paneToken: () => service.token({ email: crm.me.email, name: crm.me.name, role: crm.me.role }),
      backdate: async (table: string, id: string, at: string) => {
        const column = table === "CustomerLifecycleChange" ? "changedAt" : "createdAt";
        await service.sql(`UPDATE "${table}" SET "${column}" = $1 WHERE id = $2`, [at, id]);
      },
      lastCreated: async (path: string) => {
        const post = crm.requests.findLast((request) => request.method === "POST" && request.path === path);
        const answer = await post?.answer;
        if (answer?.status !== 201) throw new Error(`the pane created nothing by POST ${path}`);
        return crm.read(`${path}/${answer.body.id}`);
      },
    });
    sent = [];
    current = crm;
  });
  afterEach(async () => {
    // The pane's last answers come in before it is unmounted (a real service takes a moment), so that
    // no state update lands outside the test; a request that hangs (a suite's fault) is not waited for.
    const settled = Promise.all(sent.map((request) => request.answer));
    await act(() => Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1_000))]));
    server.resetHandlers();
    current = undefined;
  });

  const answers = new Map<string, (answer: { status: number; body: any }) => void>();
  const answered = async ({ response, requestId }: { response: Response; requestId: string }) => {
    const json = (response.headers.get("content-type") ?? "").includes("json");
    answers.get(requestId)?.({
      status: response.status,
      body: json
        ? await response
            .clone()
            .json()
            .catch(() => undefined)
        : undefined,
    });
    answers.delete(requestId);
  };
  server.events.on("response:bypass", answered);
  server.events.on("response:mocked", answered);
  server.events.on("request:start", async ({ request, requestId }) => {
    // A suite may hold two (with and without calendar sync, one per describe): each sees its own tests' requests.
    if (current !== crm) return;
    const url = new URL(request.url);
    const entry: SentRequest = {
      id: requestId,
      method: request.method,
      path: `${url.pathname}${url.search}`,
      body: undefined,
      idempotencyKey: request.headers.get("idempotency-key"),
    };
    entry.answer = new Promise((resolve) => answers.set(requestId, resolve));
    sent.push(entry);
    // Read from a copy, as the fake did: a JSON body as sent; uploads and empty bodies stay undefined.
    if (request.method !== "GET" && (request.headers.get("content-type") ?? "").includes("json"))
      entry.body = await request
        .clone()
        .json()
        .catch(() => undefined);
  });
  return crm;
}

export { ALICE, BEN, MIA };
export { http, HttpResponse } from "msw";
