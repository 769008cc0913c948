// One live commit or credit as the arguments of one declaration, plus the
// comments a reader needs.
//
// The arguments are derived from `recordToState`, the very mapping the
// provider applies when it adopts the record and on every refresh, so the
// declaration is, by construction, what the provider will compare against:
// its canonical inputs, minus the values that equal the canonical defaults
// (arguments.ts). Each declaration is then checked the way `pulumi up` will
// check it (validation, then adoption's comparison); any finding becomes a
// WARNING comment on the declaration instead of a surprise at deploy time.

import { USD_CENTS_CREDIT_TYPE_ID } from "../../provider/api/wire";
import { type OnDelete, canonicalTimestamp, parseTimestamp, validateInputs } from "../../provider/core";
import { differences, formatDifferences } from "../../provider/core/differences";
import { recordToState } from "../../provider/core/from-api";
import type { Kind } from "../../provider/core/kind/kind";
import { type Obj, isObj, stableStringify } from "../../provider/core/util";
import { withoutDefaults } from "./arguments";
import { usdFromCents as usd } from "./format";
import type { ListedRecord } from "./list";
import { detectFrequency, unmodelledFields } from "./notes";

/** What the renderer writes next to a value: a trailing `// ...` comment, keyed by argument path. */
export type Annotations = Record<string, string>;

export interface Declaration {
  kind: Kind;
  resourceName: string;
  variableName: string;
  /** The record's id (the `existingCommitId` / `existingCreditId` argument). */
  id: string;
  customerId: string;
  /** Exactly the arguments written, in argument order; schedule items in canonical order. */
  args: Obj;
  /** Trailing comments by path (`productId`, `accessSchedule.scheduleItems[0]`, ...). */
  annotations: Annotations;
  /** Paragraphs written above the declaration. */
  notes: string[];
  /** Paragraphs that mean `pulumi up` would not adopt the record as written. */
  warnings: string[];
}

/** The declaration of one live record of `kind` (names are given later, across the module). */
export function declare(kind: Kind, record: ListedRecord, customerId: string, onDelete: OnDelete): Declaration {
  const prior = { customerId, [kind.existingIdField]: record.id, onDelete };
  const { inputs } = recordToState(kind, record, prior);
  const args = withoutDefaults(inputs, kind);
  const raw = record as unknown as Obj;
  const notes: string[] = [];
  const annotations: Annotations = {};

  if (record.product.name) annotations.productId = record.product.name;

  const accessType = record.access_schedule?.credit_type;
  const accessUsd = (accessType?.id ?? USD_CENTS_CREDIT_TYPE_ID) === USD_CENTS_CREDIT_TYPE_ID;
  if (!accessUsd && accessType?.name) annotations["accessSchedule.creditTypeId"] = accessType.name;
  const accessItems = ((args.accessSchedule as Obj).scheduleItems ?? []) as Obj[];
  accessItems.forEach((item, i) => {
    if (accessUsd && typeof item.amount === "number") annotations[`accessSchedule.scheduleItems[${i}]`] = usd(item.amount);
  });

  // Commits only: a credit is not invoiced.
  const invoice = "invoice_schedule" in record ? record.invoice_schedule : undefined;
  if (isObj(args.invoiceSchedule) && invoice !== undefined) {
    const invoiceUsd = (invoice.credit_type?.id ?? USD_CENTS_CREDIT_TYPE_ID) === USD_CENTS_CREDIT_TYPE_ID;
    if (!invoiceUsd && invoice.credit_type?.name) annotations["invoiceSchedule.creditTypeId"] = invoice.credit_type.name;
    const declared = (args.invoiceSchedule.scheduleItems ?? []) as Obj[];
    const rawItems = [...(invoice.schedule_items ?? [])];
    declared.forEach((item, i) => {
      // Pair with the read-back item (same instant and amount) for what only the read-back knows.
      const at = rawItems.findIndex(
        (r) => canonicalTimestamp(r.timestamp) === item.timestamp && (item.amount === undefined || r.amount === item.amount),
      );
      const match = at >= 0 ? rawItems.splice(at, 1)[0] : undefined;
      const parts: string[] = [];
      if (invoiceUsd) {
        if (item.amount !== undefined) parts.push(usd(item.amount as number));
        else if (typeof item.quantity === "number" && typeof item.unitPrice === "number") {
          const total = match?.amount ?? (item.quantity as number) * (item.unitPrice as number);
          parts.push(`${item.quantity} × ${usd(item.unitPrice)} = ${usd(total)}`);
        }
      }
      if (match?.invoice_id) parts.push(`on issued invoice ${match.invoice_id}: Metronome refuses to change or remove this item`);
      if (parts.length > 0) annotations[`invoiceSchedule.scheduleItems[${i}]`] = parts.join("; ");
    });
    const frequency = detectFrequency(declared.map((item) => parseTimestamp(item.timestamp) ?? NaN));
    if (frequency !== undefined) {
      notes.push(
        `Invoices: Metronome answers invoice schedules as items, also when the commit was created from a ` +
          `recurringSchedule (it expands the schedule at creation and does not return it). These ` +
          `${declared.length} invoices fall ${frequency} from ${declared[0]?.timestamp as string}, so this was ` +
          `probably a ${frequency} recurringSchedule. They are declared as the items Metronome holds, which is what ` +
          `adoption compares; each item can be edited in place (a recurringSchedule could only be replaced).`,
      );
    }
  }

  for (const field of unmodelledFields(raw, kind)) {
    notes.push(
      `Not declared: ${field.about ?? field.path} = ${stableStringify(field.value)}. ${kind.typeName}Args has no ` +
        `place for \`${field.path}\`; the provider neither compares nor changes it, so it stays as Metronome holds it.`,
    );
  }

  return {
    kind,
    resourceName: "",
    variableName: "",
    id: record.id,
    customerId,
    args,
    annotations,
    notes,
    warnings: adoptionWarnings(kind, record, args),
  };
}

/**
 * What `pulumi up` would make of the declaration: the resource's `check`,
 * then adoption's field-by-field comparison with the record Metronome holds.
 * Both are expected to pass; anything else is written on the declaration.
 */
function adoptionWarnings(kind: Kind, record: ListedRecord, args: Obj): string[] {
  // Without a key in Metronome the resource class derives one; any string stands in for it here.
  const declared = { ...args, uniquenessKey: args.uniquenessKey ?? `derived-by-${kind.typeName}` };
  const checked = validateInputs<Obj>(declared, kind);
  if (!checked.ok) {
    return [
      `WARNING: pulumi-metronome's checks reject this declaration, so \`pulumi up\` will stop before adopting it: ` +
        checked.issues.map((i) => `${i.path || "(inputs)"}: ${i.message}`).join("; "),
    ];
  }
  const back = recordToState(kind, record, checked.inputs).inputs;
  const found = differences(JSON.parse(JSON.stringify(checked.inputs)), JSON.parse(JSON.stringify(back)));
  if (found.length === 0) return [];
  return [`WARNING: adoption would report differences:\n${formatDifferences(found)}`];
}
