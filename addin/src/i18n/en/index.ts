import { enFirstDraw } from "./first-draw";
import { enLater } from "./later";

/**
 * The English catalogs, one namespace per part of the pane; German (../de) has the same. The pane
 * downloads them in two parts (first-draw.ts, later.ts); this whole is for types and tests.
 */
export const en = { ...enFirstDraw, ...enLater };
