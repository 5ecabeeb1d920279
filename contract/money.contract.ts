import { z } from "zod";
import { SafeString } from "./common.contract";

/**
 * Decimal numbers travel as strings ("1234.50") so that no float ever touches money; a JSON number
 * is accepted on the way in when its shortest form fits (19.99 yes, 0.1 + 0.2 no).
 */
export const DecimalString = (integerDigits: number, decimals: number) =>
  z
    .union([SafeString(), z.number()])
    .transform((value) => (typeof value === "number" ? String(value) : value.trim()))
    .pipe(
      z.string().regex(new RegExp(`^\\d{1,${integerDigits}}(\\.\\d{1,${decimals}})?$`), {
        message: `must be a non-negative decimal number with at most ${integerDigits} digits before and ${decimals} after the point`,
      }),
    );

/** An amount of money, at most two decimals. */
export const Amount = DecimalString(12, 2);
/** ISO 4217 code, e.g. EUR. */
export const Currency = SafeString()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: "must be an ISO 4217 currency code such as EUR" });
export const DEFAULT_CURRENCY = "EUR";
