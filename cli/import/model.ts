// Step 2 of 3 (list -> model -> render): per customer and kind, each live
// record becomes one declaration (declaration.ts); records the target stack
// already manages are skipped and counted, like archived ones; records that
// cannot be declared are kept with the reason. Resource and variable names
// are then given across the whole module.

import { type OnDelete, parseTimestamp } from "../../provider/core";
import type { Kind } from "../../provider/core/kind/kind";
import { type Declaration, declare } from "./declaration";
import type { CustomerListing, KindListing, ListedRecord } from "./list";
import { resourceNames, variableNames } from "./names";

export type { Annotations, Declaration } from "./declaration";

/** A record that cannot be declared at all, with the reason. */
export interface Undeclarable {
  id: string;
  reason: string;
}

/** One customer's records of one kind. */
export interface KindSection {
  kind: Kind;
  archived: number;
  /** Live records skipped because the target stack already manages them. */
  managed: number;
  declarations: Declaration[];
  undeclarable: Undeclarable[];
}

export interface CustomerModel {
  customerId: string;
  /** One section per kind listed, in that order. */
  sections: KindSection[];
}

export interface ModelOptions {
  onDelete: OnDelete;
  /** Ids the target stack already manages (commits and credits): skipped and counted. */
  managed?: ReadonlySet<string>;
}

/** Every declaration of the module, in the order it is written. */
export const declarationsOf = (models: readonly CustomerModel[]): Declaration[] =>
  models.flatMap((m) => m.sections.flatMap((s) => s.declarations));

/** Declarations for every customer; resource and variable names unique across the module (commits and credits alike). */
export function buildModel(customers: readonly CustomerListing[], options: ModelOptions): CustomerModel[] {
  const models = customers.map((c) => ({ customerId: c.customerId, sections: c.kinds.map((k) => modelSection(c.customerId, k, options)) }));
  const all = declarationsOf(models);
  const names = resourceNames(all.map((d) => ({ id: d.id, name: d.args.name as string | undefined, noun: d.kind.noun })));
  const variables = variableNames(names, all.map((d) => d.kind.noun));
  all.forEach((d, i) => {
    d.resourceName = names[i] as string;
    d.variableName = variables[i] as string;
  });
  return models;
}

function modelSection(customerId: string, listing: KindListing, options: ModelOptions): KindSection {
  const { kind } = listing;
  const declarations: Declaration[] = [];
  const undeclarable: Undeclarable[] = [];
  let managed = 0;
  for (const record of [...listing.live].sort(byAccessStartThenName)) {
    if (options.managed?.has(record.id)) {
      managed++;
      continue;
    }
    const reason = whyUndeclarable(kind, record);
    if (reason !== undefined) undeclarable.push({ id: record.id, reason });
    else declarations.push(declare(kind, record, customerId, options.onDelete));
  }
  return { kind, archived: listing.archived, managed, declarations, undeclarable };
}

/**
 * Deterministic order whatever order Metronome lists in: by first access
 * start, then name, then creation time (commits; a credit has none), then id.
 */
function byAccessStartThenName(a: ListedRecord, b: ListedRecord): number {
  const firstStart = (r: ListedRecord): number =>
    Math.min(Infinity, ...(r.access_schedule?.schedule_items ?? []).map((i) => parseTimestamp(i.starting_at) ?? Infinity));
  const created = (r: ListedRecord): number => ("created_at" in r ? parseTimestamp(r.created_at) : undefined) ?? Infinity;
  const byNumber = (x: number, y: number): number => (x === y ? 0 : x < y ? -1 : 1);
  const byText = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);
  return (
    byNumber(firstStart(a), firstStart(b)) ||
    byText(a.name ?? "\uffff", b.name ?? "\uffff") ||
    byNumber(created(a), created(b)) ||
    byText(a.id, b.id)
  );
}

function whyUndeclarable(kind: Kind, record: ListedRecord): string | undefined {
  if (record.contract !== undefined && record.contract !== null) {
    return `it is a ${kind.noun} of contract ${record.contract.id}, not a customer-level ${kind.noun}`;
  }
  if (record.access_schedule === undefined || record.access_schedule.schedule_items.length === 0) {
    return "Metronome returned no access schedule for it";
  }
  if (typeof record.priority !== "number") return "Metronome returned no priority for it";
  return undefined;
}
