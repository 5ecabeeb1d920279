import type { StoredMessage } from "./fake-mail.store";

/**
 * The $filter clauses the fake understands on messages, each as Graph documents it; anything else is
 * refused with the 400 Graph gives for a filter it cannot run.
 *
 * - `singleValueExtendedProperties/any(ep: ep/id eq '<id>' and ep/value eq '<value>')`, also with
 *   `startswith(ep/value, '…')` or `contains(ep/value, '…')`: the Name in the id is matched
 *   case-sensitively, the value case-insensitively
 *   (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get).
 * - `internetMessageId eq '…'`, `conversationId eq '…'` (message properties that support $filter,
 *   https://learn.microsoft.com/graph/api/resources/message).
 * - `internetMessageHeaders` cannot be filtered on: Graph returns it only with $select, and a filter
 *   on it is refused (the reason log on send filters on the extended property instead).
 */
export type MessagePredicate = (message: StoredMessage) => boolean;

export class FilterError extends Error {}

const literal = "'((?:[^']|'')*)'";
const unquote = (value: string) => value.replaceAll("''", "'");

const EXTENDED = new RegExp(
  `^singleValueExtendedProperties/any\\(\\s*(\\w+)\\s*:\\s*\\1/id eq ${literal}\\s+and\\s+(?:\\1/value eq ${literal}|(startswith|contains)\\(\\1/value,\\s*${literal}\\))\\s*\\)$`,
  "i",
);
const PROPERTY_EQ = new RegExp(`^(internetMessageId|conversationId) eq ${literal}$`);

export function parseMessageFilter(filter: string): MessagePredicate {
  const clauses = filter.split(/\s+and\s+(?![^(]*\))/i).map((clause) => clause.trim());
  const predicates = clauses.map(parseClause);
  return (message) => predicates.every((predicate) => predicate(message));
}

function parseClause(clause: string): MessagePredicate {
  if (/internetMessageHeaders/i.test(clause)) throw new FilterError("internetMessageHeaders does not support $filter");
  const extended = EXTENDED.exec(clause);
  if (extended) {
    const id = unquote(extended[2]!);
    const wanted = unquote(extended[3] ?? extended[5]!).toLowerCase();
    const how = extended[4]?.toLowerCase() ?? "eq";
    return (message) =>
      message.singleValueExtendedProperties.some((property) => {
        if (!sameExtendedId(property.id, id)) return false;
        const value = property.value.toLowerCase();
        return how === "eq"
          ? value === wanted
          : how === "startswith"
            ? value.startsWith(wanted)
            : value.includes(wanted);
      });
  }
  const property = PROPERTY_EQ.exec(clause);
  if (property) {
    const name = property[1] as "internetMessageId" | "conversationId";
    const value = unquote(property[2]!);
    return (message) => message[name] === value;
  }
  throw new FilterError(`The fake cannot run this filter clause: ${clause}`);
}

/**
 * Extended property ids: the type and the GUID are not case-sensitive, the Name is
 * ("Filtering the string name (Name) in the id of an extended property is case-sensitive").
 */
export function sameExtendedId(stored: string, asked: string): boolean {
  const split = (id: string) => {
    const match = /^(\w+)\s+\{([0-9a-f-]+)\}\s+Name\s+(.+)$/i.exec(id.trim());
    return match ? { type: match[1]!.toLowerCase(), guid: match[2]!.toLowerCase(), name: match[3]! } : null;
  };
  const a = split(stored);
  const b = split(asked);
  if (!a || !b) return stored.toLowerCase() === asked.toLowerCase();
  return a.type === b.type && a.guid === b.guid && a.name === b.name;
}
