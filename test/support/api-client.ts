/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */
import type { Role } from "contract";

/** Who a client signed in as, for fixtures that must act as the accounts department on its behalf. */
export interface ClientIdentity {
  role: Role;
  /** A manager's client on the same service (status 1 is theirs to give). */
  accounts(): Promise<ApiClient>;
}

/** A small fetch-based client for the tests: real HTTP, JSON in and out, status kept. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private userId?: Promise<string>;

  constructor(
    readonly baseUrl: string,
    readonly token?: string,
    readonly identity?: ClientIdentity,
  ) {}

  /** The signed-in user's id (asked once). */
  id(): Promise<string> {
    this.userId ??= this.get("/api/me").then((me) => me.body.id as string);
    return this.userId;
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = any>(path: string, body: unknown) {
    return this.request<T>("POST", path, body);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>("PATCH", path, body);
  }
}
