import { preloadable } from "../../shared/preloadable";

/** The record's extras (record-extras.ts) in a chunk of their own. */
export const recordExtras = preloadable(() => import("./record-extras.js"));

/** Starts fetching the record's extras: the pane calls it as it signs in, before any record is drawn. */
export const preloadRecordExtras = (): void => void recordExtras.preload().catch(() => undefined);
