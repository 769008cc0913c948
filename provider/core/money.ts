// Money as people read it. Pure.
import { USD_CENTS_CREDIT_TYPE_ID } from "../api/wire";

/**
 * USD cents as dollars: `1000000` -> `$10,000.00`, `0.8` -> `$0.008`.
 * Exact decimal arithmetic on the number's shortest string; a value needing
 * more than 4 decimals (`33333.333333333336`, a three-way split) is shown
 * rounded to the cent with `≈` (the literal next to it stays exact).
 */
export function usdFromCents(cents: number): string {
  const s = String(Math.abs(cents));
  if (!/^\d+(\.\d+)?$/.test(s)) return `${cents} cents`;
  const [int = "0", frac = ""] = s.split(".");
  const padded = int.padStart(3, "0");
  const dollars = padded.slice(0, -2).replace(/^0+(?=\d)/, "");
  const decimals = (padded.slice(-2) + frac).replace(/0+$/, "").padEnd(2, "0");
  if (decimals.length > 4) return `≈ ${usdFromCents(Math.round(cents))}`;
  const withCommas = dollars.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${cents < 0 ? "-" : ""}$${withCommas}.${decimals}`;
}

/** An amount in a credit type's units: dollars for USD cents, else units of that credit type. */
export function formatAmount(amount: number, creditTypeId: string | undefined): string {
  if (creditTypeId === undefined || creditTypeId === USD_CENTS_CREDIT_TYPE_ID) return usdFromCents(amount);
  return `${amount.toLocaleString("en-US", { maximumFractionDigits: 6 })} units of credit type ${creditTypeId}`;
}
