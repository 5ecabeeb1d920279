import { SyncRunResult } from "contract";
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
  ];
}
