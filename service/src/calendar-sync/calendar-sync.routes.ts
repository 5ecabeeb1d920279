import { MySyncHealth, SyncHealthList, SyncRunResult } from "contract";
import { defineRoute } from "../http/route";
import type { CalendarSync } from "./calendar-sync.service";

export function calendarSyncRoutes(sync: CalendarSync) {
  return [
    defineRoute({
      method: "post",
      path: "/api/sync/run",
      tag: "calendar-sync",
      authorization: "sync:run",
      summary: "Sync now: push the caller's activities to Outlook, pull Outlook's changes; returns when both ran",
      response: SyncRunResult,
      handler: async ({ user, request }) => {
        // The caller's own token is the on-behalf-of assertion that lets the worker reach their calendar later.
        const assertion = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
        return sync.runForUser(user, assertion);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/sync/health",
      tag: "calendar-sync",
      authorization: "sync:health",
      summary:
        "Every syncing user's Outlook sync: last push and pull, what waits and why, the last error, the subscription (admins)",
      response: SyncHealthList,
      handler: ({ user }) => sync.health.all(user),
    }),
    defineRoute({
      method: "get",
      path: "/api/sync/health/me",
      tag: "calendar-sync",
      summary:
        "The caller's own Outlook sync: last push and pull, what waits and why, the last error, the subscription",
      response: MySyncHealth,
      handler: ({ user }) => sync.health.mine(user),
    }),
  ];
}
