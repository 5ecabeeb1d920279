import type { TFunction } from "i18next";
import { common } from "../i18n/en/common";

/**
 * What the service's field paths and messages say, in the words of the pane's labels: the service
 * names fields as the contract does ("body.address.postalCode", "must not be before contractStart"),
 * a person reads "Postal code" and "contract start". The labels are the common catalog's `fields`:
 * with the pane's `t` in its language, without it English.
 */
const { item: _item, ...LABELS } = common.fields;
type FieldKey = keyof typeof LABELS;

/** "postalCode" → "postal code": an identifier as words. */
const words = (identifier: string) => identifier.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

const isKnown = (name: string): name is FieldKey => Object.hasOwn(LABELS, name);
const known = (name: string) => (isKnown(name) ? LABELS[name] : undefined);

/** "body.address.postalCode" → "Postal code"; "body.types.1" → "Types (item 2)"; "query.search" → "Search". */
export function fieldLabel(path: string, t?: TFunction<"common">): string {
  const segments = path.replace(/^(body|query|path)\./, "").split(".");
  const index = /^\d+$/.test(segments.at(-1) ?? "") ? Number(segments.pop()) : undefined;
  const last = segments.at(-1) ?? path;
  const label = isKnown(last) ? (t ? t(`fields.${last}`) : LABELS[last]) : capitalise(words(last));
  if (index === undefined) return label;
  return t ? t("fields.item", { label, number: index + 1 }) : `${label} (item ${index + 1})`;
}

/**
 * A service message with any identifier in it as words: "must not be before contractStart" → "… contract start".
 * The message is the service's (English) sentence, so its identifiers become English words too.
 */
export const inWords = (message: string) =>
  message.replace(/\b(?:body\.|query\.)?[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, (identifier) =>
    (
      known(identifier.replace(/^(body|query)\./, "")) ?? words(identifier.replace(/^(body|query)\./, ""))
    ).toLowerCase(),
  );

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
