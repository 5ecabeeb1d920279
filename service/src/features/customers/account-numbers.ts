import type { Database } from "../../db/database";

/**
 * ACCOUNT_NUMBER_FORMAT: literal text around one placeholder `{n}` (the sequence's number as it is)
 * or `{n:6}` (zero-padded to six digits), e.g. `K-{n:6}` gives K-010042. Default `{n}`: 10042.
 */
export interface AccountNumberFormat {
  prefix: string;
  suffix: string;
  /** Minimum number of digits, zero-padded; 0 for none. */
  width: number;
}

const PLACEHOLDER = /\{n(?::(\d{1,2}))?\}/;
// Literal text people can read out on the phone; no quote, brace or control character.
const LITERAL = /^[A-Za-z0-9 ./_-]*$/;

export function parseAccountNumberFormat(value: string | undefined): AccountNumberFormat {
  const format = value?.trim() || "{n}";
  const match = PLACEHOLDER.exec(format);
  const prefix = match ? format.slice(0, match.index) : "";
  const suffix = match ? format.slice(match.index + match[0].length) : "";
  const width = Number(match?.[1] ?? 0);
  if (!match || PLACEHOLDER.test(suffix) || !LITERAL.test(prefix) || !LITERAL.test(suffix) || width > 20)
    throw new Error(
      `ACCOUNT_NUMBER_FORMAT must hold one {n} or {n:width} (width up to 20) in letters, digits, space, . / _ -, such as K-{n:6}; got ${value}`,
    );
  if (prefix.length + suffix.length + Math.max(width, 15) > 40)
    throw new Error(`ACCOUNT_NUMBER_FORMAT makes account numbers longer than 40 characters: ${value}`);
  return { prefix, suffix, width };
}

export const formatAccountNumber = (format: AccountNumberFormat, n: bigint | number) =>
  `${format.prefix}${String(n).padStart(format.width, "0")}${format.suffix}`;

export interface AccountNumbers {
  /** The next number of the sequence that no customer has yet (one typed by a manager may be taken). */
  next(): Promise<string>;
}

/**
 * Numbers from the database sequence "CustomerAccountNumber": one counter for every replica,
 * never handed out twice, never rolled back (a failed create leaves a gap, as accounting allows).
 */
export function createAccountNumbers(db: Database, format: AccountNumberFormat): AccountNumbers {
  return {
    async next() {
      // A manager may have typed the next number by hand: skip what is taken (bounded, not forever).
      for (let attempt = 0; attempt < 1000; attempt++) {
        const [row] = await db.query<{ n: string }>(`SELECT nextval('"CustomerAccountNumber"')::text AS n`);
        const candidate = formatAccountNumber(format, BigInt(row!.n));
        const [taken] = await db.query<{ taken: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM "Customer" WHERE "accountNumber" = $1) AS taken`,
          [candidate],
        );
        if (!taken!.taken) return candidate;
      }
      throw new Error("no free account number in 1,000 draws of the sequence");
    },
  };
}
