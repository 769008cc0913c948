// Names and units of credit types, for an offline review. Well known: USD in
// cents, Metronome's own id for it (the default credit type of both
// schedules, provider/api/wire). Other credit types are an account's own, so
// an id is shown as "units of credit type <id>" unless a --credit-types file
// names it. The file is either a map
//   { "<id>": { "name": "GBP", "cents": true, "symbol": "£" } }
// or what Metronome's `GET /v1/credit-types/list` answers
//   { "data": [{ "id": "...", "name": "GBP (cents)", "is_currency": true }] }
// (a currency named "X (cents)" is shown as X in cents).

import { USD_CENTS_CREDIT_TYPE_ID } from "../../provider/api/wire";
import { visibleControls } from "./text";

export interface CreditTypeInfo {
  /** Shown after amounts (or as the currency name in totals). */
  name: string;
  /** Amounts are hundredths of the unit (USD cents -> dollars). */
  cents: boolean;
  /** Shown before amounts instead of the name after them. */
  symbol?: string;
}

export type CreditTypeTable = ReadonlyMap<string, CreditTypeInfo>;

export const WELL_KNOWN_CREDIT_TYPES: CreditTypeTable = new Map<string, CreditTypeInfo>([
  [USD_CENTS_CREDIT_TYPE_ID, { name: "USD", cents: true, symbol: "$" }],
]);

export class CreditTypesFileError extends Error {
  override readonly name = "CreditTypesFileError";
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Parses a --credit-types document into a table (ids lower case). */
export function parseCreditTypes(doc: unknown): Map<string, CreditTypeInfo> {
  const out = new Map<string, CreditTypeInfo>();
  if (isObject(doc) && Array.isArray(doc.data)) {
    doc.data.forEach((entry, i) => {
      if (!isObject(entry) || typeof entry.id !== "string" || typeof entry.name !== "string") {
        throw new CreditTypesFileError(`data[${i}] needs string \`id\` and \`name\``);
      }
      const cents = /\s*\(cents\)\s*$/i;
      const isCents = entry.is_currency === true && cents.test(entry.name);
      out.set(entry.id.toLowerCase(), { name: isCents ? entry.name.replace(cents, "") : entry.name, cents: isCents });
    });
    return out;
  }
  if (!isObject(doc)) throw new CreditTypesFileError("expected an object mapping credit type ids to { name, cents? }");
  for (const [id, entry] of Object.entries(doc)) {
    if (!isObject(entry) || typeof entry.name !== "string" || entry.name.trim() === "") {
      throw new CreditTypesFileError(`"${id}" needs a non-empty string \`name\``);
    }
    if (entry.cents !== undefined && typeof entry.cents !== "boolean") throw new CreditTypesFileError(`"${id}".cents must be true or false`);
    if (entry.symbol !== undefined && typeof entry.symbol !== "string") throw new CreditTypesFileError(`"${id}".symbol must be a string`);
    out.set(id.toLowerCase(), {
      name: entry.name,
      cents: entry.cents === true,
      ...(typeof entry.symbol === "string" && entry.symbol !== "" ? { symbol: entry.symbol } : {}),
    });
  }
  return out;
}

/** The well-known credit types with `extra` over them; names and symbols with invisible characters made visible. */
export function creditTypeTable(extra: CreditTypeTable = new Map()): CreditTypeTable {
  const visible = [...extra].map(([id, info]): [string, CreditTypeInfo] => [
    id,
    { ...info, name: visibleControls(info.name), ...(info.symbol === undefined ? {} : { symbol: visibleControls(info.symbol) }) },
  ]);
  return new Map([...WELL_KNOWN_CREDIT_TYPES, ...visible]);
}
