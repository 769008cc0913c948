import * as pulumi from "@pulumi/pulumi";
import { defaultUniquenessKey, replaceOnlyFields } from "../core";
import type { CustomerCommitArgs } from "./args";

/**
 * The uniqueness key a commit gets when none is declared: derived from the
 * project, stack, resource name and the fields that force a replacement. A
 * re-run after a lost response derives the same key (so Metronome refuses a
 * duplicate and the provider adopts the first commit); a replacement derives
 * a new one (Metronome never releases the old commit's key).
 *
 * Only the replace-only values are awaited, one by one: a secret or a
 * not-yet-known value elsewhere (a name, a product id from a resource still to
 * be created) then leaves the key plain and known. An unknown key in preview
 * would read as "the key changes", i.e. a replacement, which it is not.
 */
export function defaultUniquenessKeyFor(name: string, args: CustomerCommitArgs): pulumi.Output<string> {
  const project = pulumi.getProject();
  const stack = pulumi.getStack();
  const invoice = args.invoiceSchedule;
  const replaceOnlyInputs = {
    customerId: args.customerId,
    type: args.type,
    accessSchedule: { creditTypeId: field(args.accessSchedule, "creditTypeId") },
    invoiceSchedule:
      invoice === undefined
        ? undefined
        : isDeferred(invoice)
          ? pulumi.output(invoice).apply((s) => s && { creditTypeId: s.creditTypeId, doNotInvoice: s.doNotInvoice, recurringSchedule: s.recurringSchedule })
          : {
              creditTypeId: field(invoice, "creditTypeId"),
              doNotInvoice: field(invoice, "doNotInvoice"),
              recurringSchedule: field(invoice, "recurringSchedule"),
            },
    netsuiteSalesOrderId: args.netsuiteSalesOrderId,
    salesforceOpportunityId: args.salesforceOpportunityId,
    applicableContractIds: args.applicableContractIds,
  };
  return pulumi.output(replaceOnlyInputs).apply((resolved) =>
    defaultUniquenessKey({
      project,
      stack,
      name,
      replaceOnly: replaceOnlyFields(JSON.parse(JSON.stringify(resolved)) as Record<string, unknown>),
    }),
  );
}

/**
 * One field of an input object, awaiting only that field when the object is
 * a plain literal (the usual case), or the whole object when it is an Output.
 */
function field<T extends object, K extends keyof T>(input: pulumi.Input<T> | undefined, key: K): pulumi.Input<unknown> {
  if (isDeferred(input)) return pulumi.output(input as pulumi.Input<T>).apply((value) => (value as T | undefined)?.[key] as unknown);
  return (input as T | undefined)?.[key] as pulumi.Input<unknown>;
}

function isDeferred(input: unknown): boolean {
  return pulumi.Output.isInstance(input) || input instanceof Promise;
}
