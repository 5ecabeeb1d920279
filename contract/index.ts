// The one contract between the task pane and the service: zod schemas for every request,
// response and the error body. Types come from z.infer; the OpenAPI document is generated from them.
export * from "./common.contract";
export * from "./customers.contract";
export * from "./contacts.contract";
export * from "./activities.contract";
export * from "./notes.contract";
export * from "./types.contract";
export * from "./email-log.contract";
export * from "./lookup.contract";
export * from "./record.contract";
export * from "./me.contract";
export * from "./sync.contract";
export * from "./lifecycle.contract";
export * from "./money.contract";
export * from "./opportunities.contract";
export * from "./sales-documents.contract";
export * from "./special-prices.contract";
export * from "./line-pricing";
export * from "./cold-calls.contract";
export * from "./third-parties.contract";
export * from "./consent.contract";
export * from "./timeline.contract";
export * from "./reports.contract";
export * from "./attachments.contract";
export * from "./attachment-types";
export * from "./profiling.contract";
export * from "./comments.contract";
