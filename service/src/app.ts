import express from "express";
import type { Config } from "./config";
import type { Database } from "./db/database";
import { SeenUsers, authMiddleware } from "./auth/auth-middleware";
import { calendarSyncRoutes } from "./calendar-sync/calendar-sync.routes";
import type { CalendarSync } from "./calendar-sync/calendar-sync.service";
import {
  NOTIFICATION_PATH,
  graphNotificationOperation,
  graphNotificationRoutes,
} from "./calendar-sync/subscriptions/graph-notifications.routes";
import { DEV_TOKEN_PATH, devTokenOperation, devTokenRoutes } from "./auth/dev-token.routes";
import { createAccess } from "./auth/permissions";
import type { TokenVerifier } from "./auth/token-verifier";
import { actionsModule } from "./features/actions/actions.module";
import { activitiesModule } from "./features/activities/activities.module";
import { activitySeriesModule } from "./features/activity-series/activity-series.module";
import { attachmentUploadBody } from "./features/attachments/attachments.routes";
import { attachmentsModule } from "./features/attachments/attachments.module";
import { commentsModule } from "./features/comments/comments.module";
import { consentModule } from "./features/consent/consent.module";
import { contactsModule } from "./features/contacts/contacts.module";
import { customersModule } from "./features/customers/customers.module";
import { bulkLogModule } from "./features/bulk-log/bulk-log.module";
import { emailLogModule } from "./features/email-log/email-log.module";
import { incidentsModule } from "./features/incidents/incidents.module";
import { lifecycleModule } from "./features/lifecycle/lifecycle.module";
import type { LoanerRemindersWorker } from "./features/loaners/loaner-reminders.worker";
import { loanersModule } from "./features/loaners/loaners.module";
import { logOnSendModule } from "./features/log-on-send/log-on-send.module";
import type { LogOnSendWorker } from "./features/log-on-send/log-on-send.worker";
import type { MailDeltaGateway } from "./features/tracked-conversations/mail-delta.gateway";
import { trackedConversationsModule } from "./features/tracked-conversations/tracked-conversations.module";
import type { TrackingWorker } from "./features/tracked-conversations/tracked-conversations.worker";
import type { SentItemsGateway } from "./features/log-on-send/sent-items.gateway";
import { lookupModule } from "./features/lookup/lookup.module";
import { notesModule } from "./features/notes/notes.module";
import { opportunitiesModule } from "./features/opportunities/opportunities.module";
import { profilingModule } from "./features/profiling/profiling.module";
import { paymentsModule } from "./features/payments/payments.module";
import { recordModule } from "./features/record/record.module";
import { samplesModule } from "./features/samples/samples.module";
import { reportsModule } from "./features/reports/reports.module";
import { itemsModule } from "./features/items/items.module";
import { orderImportModule } from "./features/order-import/order-import.module";
import { salesDocumentsModule } from "./features/sales-documents/sales-documents.module";
import { shipToModule } from "./features/ship-to/ship-to.module";
import { specialPricesModule } from "./features/special-prices/special-prices.module";
import { thirdPartiesModule } from "./features/third-parties/third-parties.module";
import { timelineModule } from "./features/timeline/timeline.module";
import { typesModule } from "./features/types/types.module";
import { usersModule } from "./features/users/users.module";
import { ADDIN_PATH, addinStaticRoutes, openDemoHost } from "./http/addin-static";
import { contentEncodingGuard } from "./http/request-body";
import { inOrder } from "./http/in-order";
import { requestLog } from "./http/request-log";
import { type Logger, defaultLogger } from "./shared/logger";
import { HEALTH_PATH, type Readiness, healthOperations, healthRoutes } from "./http/health.routes";
import { errorMiddleware, notFoundRoute } from "./http/error-middleware";
import { createIdempotency } from "./http/idempotency";
import { createIdempotencyRepository } from "./http/idempotency.repository";
import { openApiRoute } from "./http/openapi";
import { createRateLimits } from "./http/rate-limits";
import { securityHeaders } from "./http/security-headers";
import { type AnyRoute, apiRoutes } from "./http/route";
import type { HtmlCleaner } from "./shared/html-cleaner";
import type { Ports } from "./shared/ports/ports";

/** The composition root: repositories over Prisma, services over repositories, routes over services. */
export function createApp(
  config: Config,
  db: Database,
  verifyToken: TokenVerifier,
  services: {
    calendarSync: CalendarSync;
    /** What GET /api/health/ready answers (server.ts: the database, and whether it is shutting down). */
    readiness: () => Promise<Readiness>;
    /** Sanitises e-mail and note HTML in worker threads; startService owns and closes it. */
    htmlCleaner: HtmlCleaner;
    logger?: Logger;
    /** Log on send: a Sent Items gateway instead of Graph's (tests); the worker is handed to `onWorker`. */
    logOnSend?: { sentItems?: SentItemsGateway; now?: () => Date; onWorker?: (worker: LogOnSendWorker) => void };
    /** Tracked conversations: a mail delta gateway instead of Graph's (tests); the worker is handed to `onWorker`. */
    tracking?: { mail?: MailDeltaGateway; now?: () => Date; onWorker?: (worker: TrackingWorker) => void };
    /** Loaner overdue reminders: a clock (tests); the worker is handed to `onWorker`. */
    loanerReminders?: { now?: () => Date; onWorker?: (worker: LoanerRemindersWorker) => void };
  },
) {
  const { calendarSync, readiness, htmlCleaner, logger = defaultLogger() } = services;
  const prisma = db.prisma;
  // Features in the order they depend on one another: each module takes the ports of those above it
  // (shared/ports), never their repositories; the record, at the top, reads what each offers it.
  const seenUsers = new SeenUsers();
  const users = usersModule(prisma, seenUsers);
  const types = typesModule(prisma);
  const customers = customersModule(db, {
    types: types.ids,
    users: users.directory,
    accountNumberFormat: config.accountNumberFormat,
  });
  const contacts = contactsModule(prisma, { customers: customers.access });
  const ports: Ports = {
    customers: customers.access,
    contacts: contacts.access,
    users: users.directory,
    // The authorisation table's one question of the data (is the caller linked to the customer?).
    access: createAccess(customers.salesmen),
  };
  const lifecycle = lifecycleModule(prisma, ports);
  const opportunities = opportunitiesModule(prisma, ports);
  const incidents = incidentsModule(prisma, ports);
  const actions = actionsModule(prisma, ports, { opportunities: opportunities.parents, incidents: incidents.parents });
  const specialPrices = specialPricesModule(prisma, ports);
  const items = itemsModule(prisma, ports);
  const salesDocuments = salesDocumentsModule(
    prisma,
    ports,
    specialPrices.forPricing,
    items.catalog,
    config.letterhead,
  );
  const orderImport = orderImportModule(ports, salesDocuments.intake);
  const thirdParties = thirdPartiesModule(prisma, ports);
  const shipTo = shipToModule(prisma, ports);
  const consent = consentModule(prisma, ports);
  const comments = commentsModule(prisma, ports);
  // Samples are recorded by a cold call or a visit's finish, in its transaction.
  const samples = samplesModule(ports);
  const activities = activitiesModule(prisma, calendarSync.outbox, ports, samples.recorder);
  const activitySeries = activitySeriesModule(
    prisma,
    calendarSync.seriesOutbox,
    ports,
    activities.ofSeries,
    calendarSync.windowFutureDays,
  );
  const loaners = loanersModule(prisma, ports, {
    tasks: activities.plannedTasks,
    pollMs: config.loanerReminderPollMs,
    logger,
    now: services.loanerReminders?.now,
  });
  services.loanerReminders?.onWorker?.(loaners.worker);
  const notes = notesModule(db, ports, htmlCleaner);
  const emailLog = emailLogModule(db, ports, htmlCleaner);
  const logOnSend = logOnSendModule(db, ports, {
    emailLog: emailLog.writer,
    tokens: calendarSync.tokens,
    graph: { baseUrl: config.calendarSync.graphBaseUrl, timeoutMs: config.calendarSync.timeoutMs, maxRetries: 3 },
    config: config.logOnSend,
    logger,
    sentItems: services.logOnSend?.sentItems,
    now: services.logOnSend?.now,
  });
  services.logOnSend?.onWorker?.(logOnSend.worker);
  const tracking = trackedConversationsModule(db, ports, {
    emailLog: emailLog.writer,
    tokens: calendarSync.tokens,
    graph: { baseUrl: config.calendarSync.graphBaseUrl, timeoutMs: config.calendarSync.timeoutMs, maxRetries: 3 },
    pollMs: config.trackingPollMs,
    leaseMs: config.trackingLeaseMs,
    logger,
    mail: services.tracking?.mail,
    now: services.tracking?.now,
  });
  services.tracking?.onWorker?.(tracking.worker);
  const record = recordModule(db);

  const lookup = lookupModule(db, config.orgDomains, record.reader);
  const bulkLog = bulkLogModule({
    emailLog: emailLog.writer,
    lookup: lookup.participants,
    tokens: calendarSync.tokens,
    graph: { baseUrl: config.calendarSync.graphBaseUrl, timeoutMs: config.calendarSync.timeoutMs, maxRetries: 3 },
    logger,
  });

  const routes: AnyRoute[] = [
    ...users.routes,
    ...types.routes,
    ...customers.routes,
    ...record.routes,
    ...lifecycle.routes,
    ...opportunities.routes,
    ...incidents.routes,
    ...actions.routes,
    ...salesDocuments.routes,
    ...loaners.routes,
    ...specialPrices.routes,
    ...items.routes,
    ...orderImport.routes,
    ...thirdParties.routes,
    ...shipTo.routes,
    ...consent.routes,
    ...comments.routes,
    ...profilingModule(prisma, ports).routes,
    ...timelineModule(prisma, ports).routes,
    ...reportsModule(db, ports, config.ownCountry).routes,
    ...contacts.routes,
    ...lookup.routes,
    ...activities.routes,
    ...activitySeries.routes,
    ...notes.routes,
    ...emailLog.routes,
    ...bulkLog.routes,
    ...logOnSend.routes,
    ...tracking.routes,
    ...attachmentsModule(prisma, ports).routes,
    ...paymentsModule(prisma, ports).routes,
    ...calendarSyncRoutes(calendarSync),
  ];
  const development = config.auth.mode === "development";
  routes.push(
    openApiRoute(routes, {
      unmounted: [...healthOperations, graphNotificationOperation, ...(development ? [devTokenOperation] : [])],
    }),
  );

  const app = express();
  app.disable("x-powered-by");
  // Every answer is Cache-Control: no-store, so no client revalidates: an ETag would only hash each body.
  app.set("etag", false);
  app.use(requestLog(logger, config.logRequests));
  app.set("trust proxy", config.trustProxy);
  app.use(securityHeaders(config.paneFrameAncestors));
  const rateLimits = createRateLimits(config.rateLimits, db);
  // Each router below is mounted at its own path: a lookup or a search does not walk through them.
  app.use(HEALTH_PATH, healthRoutes(readiness));
  // Per address before anything else is read: unauthenticated floods stop here. Health stays above it.
  app.use("/api", rateLimits.perAddress);
  // Development issuer only: a token for the demo host and a sideloaded pane; absent with Entra ID.
  if (config.auth.mode === "development") app.use(DEV_TOKEN_PATH, devTokenRoutes(config.dataDir, rateLimits.devToken));
  if (config.addinDir) app.get("/", openDemoHost).use(ADDIN_PATH, addinStaticRoutes(config.addinDir));
  // Microsoft Graph's notifications carry no bearer token: outside the authenticated pipeline on
  // purpose, authenticated by each subscription's clientState, behind the per-address limit above.
  app.use(
    NOTIFICATION_PATH,
    graphNotificationRoutes((items) => calendarSync.receiveNotifications(items)),
  );

  // Everything under /api but health needs a valid bearer token, before its body is even read
  // (uploads here; JSON by each route that takes a body, see apiRoutes).
  app.use(
    "/api",
    inOrder(
      authMiddleware(verifyToken, users.tokenUsers, seenUsers, (user, token) => {
        // On-behalf-of needs the add-in's token: keep each new one so background sync reaches the calendar.
        void calendarSync.rememberAssertion(user, token);
      }),
      rateLimits.perUser,
      contentEncodingGuard,
      attachmentUploadBody,
    ),
  );
  app.use(apiRoutes(routes, { idempotency: createIdempotency(createIdempotencyRepository(prisma), logger) }));
  app.use(notFoundRoute);
  app.use(errorMiddleware);
  return app;
}
