// Amounts in their credit type's units -> text a reviewer reads:
//   USD cents 12000000      -> $120,000.00
//   EUR cents 150000        -> €1,500.00
//   Cloud credits 1500      -> 1,500 Cloud credits
//   an unnamed credit type  -> 1,500 units of credit type <id>
// Locale-independent (en-US grouping), so output is the same on every machine.

import { compareExact, exactAmount, negateExact, productAmount } from "../../provider/core/money";
import type { CreditTypeInfo, CreditTypeTable } from "./credit-types";
import { type Val, describeOpaque, isOpaque } from "./values";

const CENTS = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const UNITS = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 6 });

export function creditTypeOf(id: Val<string>, table: CreditTypeTable): CreditTypeInfo | undefined {
  return isOpaque(id) ? undefined : table.get(id.toLowerCase());
}

/** The currency or unit name, for totals: "USD", "Cloud credits", "credit type <id>". */
export function creditTypeLabel(id: Val<string>, table: CreditTypeTable): string {
  if (isOpaque(id)) return id.opaque === "secret" ? "secret credit type" : "credit type unknown until apply";
  return creditTypeOf(id, table)?.name ?? `credit type ${id}`;
}

export interface FormatOptions {
  /** Prefix positive amounts with "+" (net changes). */
  signed?: boolean;
}

/** One amount with its unit; opaque amounts are described, never guessed. */
export function formatMoney(amount: Val<number>, creditTypeId: Val<string>, table: CreditTypeTable, options: FormatOptions = {}): string {
  if (isOpaque(amount)) return describeOpaque(amount.opaque);
  if (!Number.isFinite(amount)) return describeOpaque("incomputable");
  const sign = amount < 0 ? "-" : options.signed && amount > 0 ? "+" : "";
  const abs = Math.abs(amount);
  if (isOpaque(creditTypeId)) return `${sign}${UNITS.format(abs)} units of a credit type ${describeOpaque(creditTypeId.opaque)}`;
  const info = creditTypeOf(creditTypeId, table);
  if (info === undefined) return `${sign}${UNITS.format(abs)} units of credit type ${creditTypeId}`;
  const number = info.cents ? CENTS.format(abs / 100) : UNITS.format(abs);
  return info.symbol !== undefined ? `${sign}${info.symbol}${number}` : `${sign}${number} ${info.name}`;
}

/**
 * A --max-change limit given in currency units ("10000", "10000.50") in a
 * credit type's own units (cents for cents types), exactly; undefined when
 * it is not an exact amount there.
 */
export function limitInUnits(limit: number, info: CreditTypeInfo | undefined): number | undefined {
  return info?.cents ? productAmount(limit, 100) : exactAmount(limit) === undefined ? undefined : limit;
}

/** True when |net| exceeds the limit, compared exactly; undefined when either is not an exact amount. */
export function exceedsLimit(net: number, limit: number): boolean | undefined {
  const n = exactAmount(net);
  const l = exactAmount(limit);
  if (n === undefined || l === undefined) return undefined;
  return compareExact(n.units < 0n ? negateExact(n) : n, l) > 0;
}
