import { preloadable } from "../../shared/preloadable";

/** The record's extras (record-extras.ts) in a chunk of their own. */
export const recordExtras = preloadable(() => import("./record-extras.js"));
