import express, { Router } from "express";
import type { Config } from "./config";
import type { Database } from "./db/database";
import { SeenUsers, authMiddleware } from "./auth/auth-middleware";
import { calendarSyncRoutes } from "./calendar-sync/calendar-sync.routes";
import type { CalendarSync } from "./calendar-sync/calendar-sync.service";
import { devTokenOperation, devTokenRoutes } from "./auth/dev-token.routes";
import { createAccess } from "./auth/permissions";
import type { TokenVerifier } from "./auth/token-verifier";
import { activitiesRoutes } from "./features/activities/activities.routes";
import { createActivitiesRepository } from "./features/activities/activities.repository";
import { createActivitiesService } from "./features/activities/activities.service";
import { createTemplatesRepository } from "./features/activities/templates.repository";
import { contactsRoutes } from "./features/contacts/contacts.routes";
import { createContactsRepository } from "./features/contacts/contacts.repository";
import { createCustomerRecordService } from "./features/customers/customer-record.service";
import { customersRoutes } from "./features/customers/customers.routes";
import { createCustomersRepository } from "./features/customers/customers.repository";
import { createCustomersService } from "./features/customers/customers.service";
import { emailLogRoutes } from "./features/email-log/email-log.routes";
import { attachmentUploadBody, attachmentsRoutes } from "./features/attachments/attachments.routes";
import { createAttachmentsRepository } from "./features/attachments/attachments.repository";
import { createAttachmentsService } from "./features/attachments/attachments.service";
import { lifecycleRoutes } from "./features/lifecycle/lifecycle.routes";
import { actionsRoutes } from "./features/actions/actions.routes";
import { createActionsRepository } from "./features/actions/actions.repository";
import { createActionsService } from "./features/actions/actions.service";
import { incidentsRoutes } from "./features/incidents/incidents.routes";
import { createIncidentsRepository } from "./features/incidents/incidents.repository";
import { createIncidentsService } from "./features/incidents/incidents.service";
import { opportunitiesRoutes } from "./features/opportunities/opportunities.routes";
import { createOpportunitiesRepository } from "./features/opportunities/opportunities.repository";
import { createOpportunitiesService } from "./features/opportunities/opportunities.service";
import { salesDocumentsRoutes } from "./features/sales-documents/sales-documents.routes";
import { createSalesDocumentsRepository } from "./features/sales-documents/sales-documents.repository";
import { createSalesDocumentsService } from "./features/sales-documents/sales-documents.service";
import { commentsRoutes } from "./features/comments/comments.routes";
import { createCommentsRepository } from "./features/comments/comments.repository";
import { createCommentsService } from "./features/comments/comments.service";
import { profilingRoutes } from "./features/profiling/profiling.routes";
import { createProfilingRepository } from "./features/profiling/profiling.repository";
import { createProfilingService } from "./features/profiling/profiling.service";
import { coldCallsRoutes } from "./features/cold-calls/cold-calls.routes";
import { createColdCallsRepository } from "./features/cold-calls/cold-calls.repository";
import { createColdCallsService } from "./features/cold-calls/cold-calls.service";
import { consentRoutes } from "./features/consent/consent.routes";
import { createConsentRepository } from "./features/consent/consent.repository";
import { createConsentService } from "./features/consent/consent.service";
import { shipToRoutes } from "./features/ship-to/ship-to.routes";
import { createShipToRepository } from "./features/ship-to/ship-to.repository";
import { thirdPartiesRoutes } from "./features/third-parties/third-parties.routes";
import { specialPricesRoutes } from "./features/special-prices/special-prices.routes";
import { createSpecialPricesRepository } from "./features/special-prices/special-prices.repository";
import { createSpecialPricesService } from "./features/special-prices/special-prices.service";
import { createThirdPartiesRepository } from "./features/third-parties/third-parties.repository";
import { createThirdPartiesService } from "./features/third-parties/third-parties.service";
import { timelineRoutes } from "./features/timeline/timeline.routes";
import { reportsRoutes } from "./features/reports/reports.routes";
import { createReportsRepository } from "./features/reports/reports.repository";
import { createReportsService } from "./features/reports/reports.service";
import { createTimelineRepository } from "./features/timeline/timeline.repository";
import { createLifecycleRepository } from "./features/lifecycle/lifecycle.repository";
import { createLifecycleService } from "./features/lifecycle/lifecycle.service";
import { createEmailLogRepository } from "./features/email-log/email-log.repository";
import { lookupRoutes } from "./features/lookup/lookup.routes";
import { createLookupRepository } from "./features/lookup/lookup.repository";
import { createLookupService } from "./features/lookup/lookup.service";
import { notesRoutes } from "./features/notes/notes.routes";
import { createNotesRepository } from "./features/notes/notes.repository";
import { typesRoutes } from "./features/types/types.routes";
import { createTypesRepository } from "./features/types/types.repository";
import { createTypesService } from "./features/types/types.service";
import { usersRoutes } from "./features/users/users.routes";
import { createUsersRepository } from "./features/users/users.repository";
import { addinStaticRoutes } from "./http/addin-static";
import { contentEncodingGuard } from "./http/request-body";
import { requestLog } from "./http/request-log";
import { type Logger, defaultLogger } from "./shared/logger";
import { type Readiness, healthOperations, healthRoutes } from "./http/health.routes";
import { errorMiddleware, notFoundRoute } from "./http/error-middleware";
import { createIdempotency } from "./http/idempotency";
import { createIdempotencyRepository } from "./http/idempotency.repository";
import { openApiRoute } from "./http/openapi";
import { createRateLimits } from "./http/rate-limits";
import { securityHeaders } from "./http/security-headers";
import { type AnyRoute, mountRoutes } from "./http/route";
import type { HtmlCleaner } from "./shared/html-cleaner";

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
  },
) {
  const { calendarSync, readiness, htmlCleaner, logger = defaultLogger() } = services;
  const prisma = db.prisma;
  const users = createUsersRepository(prisma);
  const types = createTypesRepository(prisma);
  const customers = createCustomersRepository(db);
  const contacts = createContactsRepository(prisma);
  const activities = createActivitiesRepository(prisma, calendarSync.outbox);
  const templates = createTemplatesRepository(prisma);
  const notes = createNotesRepository(prisma);
  const emailLog = createEmailLogRepository(db);
  const lookups = createLookupRepository(db);
  const opportunities = createOpportunitiesRepository(prisma);
  const incidents = createIncidentsRepository(prisma);
  const actions = createActionsRepository(prisma);
  const salesDocuments = createSalesDocumentsRepository(prisma);
  const comments = createCommentsRepository(prisma);
  const consentRepository = createConsentRepository(prisma);
  const thirdPartiesRepository = createThirdPartiesRepository(prisma);
  const shipToRepository = createShipToRepository(prisma);
  const specialPrices = createSpecialPricesRepository(prisma);
  // The authorisation table's one question of the data (is the caller linked to the customer?).
  const access = createAccess(customers);

  const customersService = createCustomersService(customers, types, users);
  const lifecycle = createLifecycleService(customersService, createLifecycleRepository(prisma));
  const records = createCustomerRecordService({
    customers: customersService,
    contacts,
    activities,
    notes,
    emailLog,
    lifecycle,
    opportunities,
    incidents,
    actions,
    consent: consentRepository,
    thirdParties: thirdPartiesRepository,
    shipTo: shipToRepository,
    comments,
  });
  const opportunitiesService = createOpportunitiesService(opportunities, customers, users, access);
  const incidentsService = createIncidentsService({ incidents, customers, contacts, users, access });
  const actionsService = createActionsService({ actions, opportunities, incidents, customers, contacts, users });
  const salesDocumentsService = createSalesDocumentsService({
    documents: salesDocuments,
    customers,
    contacts,
    specialPrices,
    access,
  });
  const coldCallsService = createColdCallsService({
    coldCalls: createColdCallsRepository(prisma, calendarSync.outbox),
    activities,
    customers,
    contacts,
  });
  const thirdPartiesService = createThirdPartiesService(thirdPartiesRepository, customers);
  const consentService = createConsentService(consentRepository, contacts);
  const activitiesService = createActivitiesService({ activities, templates, customers, contacts, users });
  const lookupService = createLookupService(lookups, config.orgDomains);

  const seenUsers = new SeenUsers();
  const routes: AnyRoute[] = [
    ...usersRoutes(users, seenUsers),
    ...typesRoutes(createTypesService(types)),
    ...customersRoutes(customersService, records, customers),
    ...lifecycleRoutes(lifecycle, customersService),
    ...opportunitiesRoutes(opportunitiesService, opportunities),
    ...incidentsRoutes(incidentsService, incidents),
    ...actionsRoutes(actionsService, actions),
    ...salesDocumentsRoutes(salesDocumentsService, salesDocuments),
    ...specialPricesRoutes(createSpecialPricesService(specialPrices, customers)),
    ...coldCallsRoutes(coldCallsService),
    ...thirdPartiesRoutes(thirdPartiesService),
    ...shipToRoutes(shipToRepository, customers),
    ...consentRoutes(consentService),
    ...commentsRoutes(createCommentsService(comments, customers)),
    ...profilingRoutes(createProfilingService(createProfilingRepository(prisma), customers)),
    ...timelineRoutes(createTimelineRepository(prisma), customers),
    ...reportsRoutes(createReportsService(createReportsRepository(db)), customers, config.ownCountry),
    ...contactsRoutes(contacts, customers),
    ...lookupRoutes(lookupService),
    ...activitiesRoutes(activitiesService, activities, templates),
    ...notesRoutes(notes, customers, contacts, htmlCleaner),
    ...emailLogRoutes(emailLog, customers, contacts, htmlCleaner),
    ...attachmentsRoutes(createAttachmentsService(createAttachmentsRepository(prisma), customers)),
    ...calendarSyncRoutes(calendarSync),
  ];
  const development = config.auth.mode === "development";
  routes.push(openApiRoute(routes, { unmounted: [...healthOperations, ...(development ? [devTokenOperation] : [])] }));

  const app = express();
  app.disable("x-powered-by");
  app.use(requestLog(logger, config.logRequests));
  app.set("trust proxy", config.trustProxy);
  app.use(securityHeaders(config.paneFrameAncestors));
  const rateLimits = createRateLimits(config.rateLimits, db);
  app.use((_request, response, next) => {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    next();
  });
  app.use(healthRoutes(readiness));
  // Per address before anything else is read: unauthenticated floods stop here. Health stays above it.
  app.use("/api", rateLimits.perAddress);
  // Development issuer only: a token for the demo host and a sideloaded pane; absent with Entra ID.
  if (config.auth.mode === "development") app.use(devTokenRoutes(config.dataDir, rateLimits.devToken));
  if (config.addinDir) app.use(addinStaticRoutes(config.addinDir));

  // Everything under /api but health needs a valid bearer token, before its body is even read.
  app.use(
    "/api",
    authMiddleware(verifyToken, users, seenUsers, (user, token) => {
      // On-behalf-of needs the add-in's token: keep each new one so background sync reaches the calendar.
      void calendarSync.rememberAssertion(user, token);
    }),
    rateLimits.perUser,
    contentEncodingGuard,
    attachmentUploadBody,
    express.json({ limit: "5mb" }),
  );
  const api = Router();
  mountRoutes(api, routes, { idempotency: createIdempotency(createIdempotencyRepository(prisma), logger) });
  app.use(api);
  app.use(notFoundRoute);
  app.use(errorMiddleware);
  return app;
}
