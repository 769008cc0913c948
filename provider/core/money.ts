// Money, exactly, and as people read it. Pure.
//
// Metronome's amounts, unit prices and quantities are JSON numbers (doubles;
// docs/metronome-api.md, the SDK's `number`) in the credit type's smallest unit
// (cents for USD). Each one is taken as the decimal its shortest JSON text
// denotes, the text that is sent: `0.1` is one tenth, and Metronome's own
// three-way split `33333.333333333336` is that decimal. Amounts are accepted
// up to Number.MAX_SAFE_INTEGER units in magnitude (9,007,199,254,740,991;
// $90 trillion in USD cents), where every whole amount is exact. Sums,
// differences and products are computed on those decimals with bigints,
// never in floating point, and a result is used only when it is itself such
// a number (its decimal survives the trip to a double and back unchanged):
// nothing is ever rounded, and what cannot be computed exactly is refused.

import { USD_CENTS_CREDIT_TYPE_ID } from "../api/wire";

/** Largest magnitude of an amount, in units (inclusive). */
export const AMOUNT_LIMIT = Number.MAX_SAFE_INTEGER;

/** A decimal: `units × 10^-scale`, scale ≥ 0. */
export interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** The decimal a finite number's shortest text denotes (what JSON.stringify sends). */
function decimalOf(v: number): Exact | undefined {
  if (!Number.isFinite(v)) return undefined;
  const m = NUMBER_TEXT.exec(String(v));
  if (!m) return undefined;
  const [, sign = "", int = "", frac = "", exp = "0"] = m;
  let units = BigInt(`${sign}${int}${frac}`);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalize({ units, scale });
}

/** Removes trailing zeros of the fraction: one spelling per value. */
function normalize(e: Exact): Exact {
  let { units, scale } = e;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

const sameExact = (a: Exact, b: Exact): boolean => a.units === b.units && a.scale === b.scale;

/** True when the decimal can be an amount: within AMOUNT_LIMIT, and a double holds it exactly. */
export function isRepresentable(e: Exact): boolean {
  if (abs(e.units) > BigInt(AMOUNT_LIMIT) * 10n ** BigInt(e.scale)) return false;
  const back = decimalOf(Number(exactText(e)));
  return back !== undefined && sameExact(back, normalize(e));
}

/** The exact decimal of an amount, or undefined when it is not a number that can be one. */
export function exactAmount(v: unknown): Exact | undefined {
  if (typeof v !== "number") return undefined;
  const e = decimalOf(v);
  return e !== undefined && isRepresentable(e) ? e : undefined;
}

/** Why a number cannot be an amount, or undefined when it can. */
export function amountProblem(v: number): string | undefined {
  if (!Number.isFinite(v)) return `must be a finite number (got ${v})`;
  if (exactAmount(v) !== undefined) return undefined;
  return `is larger than the ${AMOUNT_LIMIT.toLocaleString("en-US")} units an amount can be exactly (got ${v})`;
}

function align(a: Exact, b: Exact): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export function addExact(a: Exact, b: Exact): Exact {
  const [x, y, scale] = align(a, b);
  return normalize({ units: x + y, scale });
}

export function negateExact(a: Exact): Exact {
  return { units: -a.units, scale: a.scale };
}

export function multiplyExact(a: Exact, b: Exact): Exact {
  return normalize({ units: a.units * b.units, scale: a.scale + b.scale });
}

/** -1, 0 or 1, exactly. */
export function compareExact(a: Exact, b: Exact): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The decimal as plain text, no exponent: `1234.5`, `-0.008`. */
export function exactText(e: Exact): string {
  const digits = abs(e.units).toString().padStart(e.scale + 1, "0");
  const int = digits.slice(0, digits.length - e.scale);
  const frac = e.scale > 0 ? `.${digits.slice(digits.length - e.scale)}` : "";
  return `${e.units < 0n ? "-" : ""}${int}${frac}`;
}

/** The decimal as a number when it can be an amount (see the file comment), else undefined. */
export function amountOf(e: Exact): number | undefined {
  return isRepresentable(e) ? Number(exactText(e)) : undefined;
}

/** An exact sum of amounts as a number; undefined when a part or the total is not an exact amount. */
export function sumAmounts(values: readonly number[]): number | undefined {
  let total: Exact = { units: 0n, scale: 0 };
  for (const v of values) {
    const e = exactAmount(v);
    if (e === undefined) return undefined;
    total = addExact(total, e);
  }
  return amountOf(total);
}

/** `unitPrice × quantity` exactly, as a number; undefined when it is not an exact amount. */
export function productAmount(unitPrice: number, quantity: number): number | undefined {
  const a = exactAmount(unitPrice);
  const b = exactAmount(quantity);
  return a === undefined || b === undefined ? undefined : amountOf(multiplyExact(a, b));
}

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
