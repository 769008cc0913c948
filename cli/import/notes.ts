// What a commit or credit holds that its declaration cannot say, found on
// the raw read-back: a recurring invoice schedule (Metronome answers it
// expanded into items), fields the kind's arguments have no place for
// (hierarchy configuration, anything newer than this package), and invoice
// items that are already on an issued invoice.

import type { Field } from "../../provider/core/kind/field";
import type { Kind } from "../../provider/core/kind/kind";
import { type Obj, isObj } from "../../provider/core/util";

// ---- recurring invoice schedules ------------------------------------------

const FREQUENCY_MONTHS: ReadonlyArray<[string, number]> = [
  ["MONTHLY", 1],
  ["QUARTERLY", 3],
  ["SEMI_ANNUAL", 6],
  ["ANNUAL", 12],
];

/** `months` calendar months after `originMs`, the day clamped to the month's end (Jan 31 -> Feb 28). */
function addMonths(originMs: number, months: number): number {
  const d = new Date(originMs);
  const total = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/**
 * The frequency whose steps (from the first timestamp, always counted from
 * that origin) produce exactly these timestamps, if any. Two or more
 * invoices are needed to call anything a schedule.
 */
export function detectFrequency(timestampsMs: readonly number[]): string | undefined {
  if (timestampsMs.length < 2) return undefined;
  const sorted = [...timestampsMs].sort((a, b) => a - b);
  const origin = sorted[0] as number;
  for (const [frequency, months] of FREQUENCY_MONTHS) {
    if (sorted.every((t, i) => t === addMonths(origin, i * months))) return frequency;
  }
  return undefined;
}

// ---- fields without a place in the arguments ------------------------------

// Top-level keys of a record that are no field's wire name but still
// accounted for: the record's id and type marker (a credit's is always
// CREDIT), and server bookkeeping that is not configuration.
const BOOKKEEPING = ["id", "type", "created_at", "archived_at", "created_by", "balance", "ledger"];

/**
 * Top-level record keys the declaration carries (or shows as a comment):
 * every field's wire name, the object a reference is answered as
 * (`product_id` is read back as `product {id, name}`, `invoice_contract_id`
 * as `invoice_contract {id}`), and the bookkeeping above. Derived from the
 * kind, so a field added to its table is accounted for here too.
 */
export function mappedKeys(kind: Kind): Set<string> {
  const keys = new Set(BOOKKEEPING);
  for (const name of kind.fieldNames) {
    const wire = (kind.fields[name] as Field).wire;
    if (wire === undefined) continue;
    keys.add(wire);
    if (wire.endsWith("_id")) keys.add(wire.slice(0, -"_id".length));
  }
  return keys;
}

const REFERENCE = new Set(["id", "name"]);

/** Keys below the top level, by wire path (`[]` for the items of a list). */
const NESTED: Record<string, ReadonlySet<string>> = {
  access_schedule: new Set(["credit_type", "schedule_items"]),
  "access_schedule.credit_type": REFERENCE,
  "access_schedule.schedule_items[]": new Set(["id", "amount", "starting_at", "ending_before"]),
  invoice_schedule: new Set(["credit_type", "do_not_invoice", "schedule_items"]),
  "invoice_schedule.credit_type": REFERENCE,
  "invoice_schedule.schedule_items[]": new Set(["id", "timestamp", "amount", "quantity", "unit_price", "invoice_id"]),
  "specifiers[]": new Set(["product_id", "product_tags", "pricing_group_values", "presentation_group_values"]),
};

/** The keys known at `schemaPath` of a record of `kind`: mapped top-level keys, references' `{id, name}`, the nested shapes. */
function knownAt(kind: Kind, top: ReadonlySet<string>, schemaPath: string): ReadonlySet<string> | undefined {
  if (schemaPath === "") return top;
  const nested = NESTED[schemaPath];
  if (nested !== undefined) return nested;
  // A reference object (`product`, `invoice_contract`): the top-level key a `_id` wire name was derived to.
  const wire = `${schemaPath}_id`;
  return kind.fieldNames.some((n) => (kind.fields[n] as Field).wire === wire) ? REFERENCE : undefined;
}

/** What the comment says about fields Metronome documents but the resource does not model (`{noun}`: commit, credit). */
const KNOWN_UNMODELLED: Record<string, string> = {
  hierarchy_configuration: "hierarchy configuration (which child customers' contracts may draw the {noun} down)",
  contract: "the contract of a contract-level commit",
  rollover_fraction: "rollover fraction (contract commits)",
  rolled_over_from: "the commit it was rolled over from",
  recurring_commit_id: "the recurring commit that generated it",
  subscription_config: "subscription configuration (generated commits)",
  spend_tracker_attributes: "spend tracker attributes",
  amount: "the deprecated top-level amount",
};

export interface UnmodelledField {
  /** Wire path, e.g. `hierarchy_configuration` or `specifiers[0].exclude`. */
  path: string;
  value: unknown;
  /** A short description, when the field is a known Metronome field. */
  about?: string;
}

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);

/** Every field of the read-back that no argument carries (null and empty values ignored), in a stable order. */
export function unmodelledFields(record: Obj, kind: Kind): UnmodelledField[] {
  const out: UnmodelledField[] = [];
  const top = mappedKeys(kind);
  const visit = (value: unknown, schemaPath: string, path: string): void => {
    const known = knownAt(kind, top, schemaPath);
    if (known === undefined || !isObj(value)) return;
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      const childSchema = schemaPath === "" ? key : `${schemaPath}.${key}`;
      const childPath = path === "" ? key : `${path}.${key}`;
      if (!known.has(key)) {
        if (!isEmpty(v)) {
          const about = schemaPath === "" ? KNOWN_UNMODELLED[key]?.replace("{noun}", kind.noun) : undefined;
          out.push({ path: childPath, value: v, ...(about === undefined ? {} : { about }) });
        }
        continue;
      }
      if (Array.isArray(v)) v.forEach((item, i) => visit(item, `${childSchema}[]`, `${childPath}[${i}]`));
      else visit(v, childSchema, childPath);
    }
  };
  visit(record, "", "");
  return out;
}
