import type * as pulumi from "@pulumi/pulumi";

// The inputs of `CustomerCommit`, camelCase mirrors of Metronome's
// create-commit fields. The zod schema in provider/core/schema.ts is the
// source of truth; test/provider/resource/args.test.ts proves at compile time
// that this interface and the schema accept the same shapes.
//
// Units: every amount is in units of the schedule's credit type. The default
// credit type is USD (cents), so `amount: 1_000_000` is $10,000.00.
// "Edits in place" means `pulumi up` changes the existing commit (same id);
// "replaces" means a new commit is created and the old one removed per
// `onDelete`.

/** One period of access to the committed amount. */
export interface AccessScheduleItemArgs {
  /** Amount granted for this period, in the access credit type's units (USD cents by default). Edits in place. */
  amount: pulumi.Input<number>;
  /** Start of access, inclusive; RFC 3339 on a whole UTC hour. Edits in place. */
  startingAt: pulumi.Input<string>;
  /** End of access, exclusive; RFC 3339 on a whole UTC hour, after `startingAt`. Edits in place. */
  endingBefore: pulumi.Input<string>;
}

export interface AccessScheduleArgs {
  /** Credit type of the amounts; defaults to USD (cents). Changing it replaces the commit. */
  creditTypeId?: pulumi.Input<string>;
  /** The access periods; POSTPAID commits take exactly one. Items are edited in place (added, changed, removed). */
  scheduleItems: pulumi.Input<pulumi.Input<AccessScheduleItemArgs>[]>;
}

/** One invoice: give `amount`, or both `quantity` and `unitPrice`. */
export interface InvoiceScheduleItemArgs {
  /** When the invoice is issued; RFC 3339 on a whole UTC hour. Edits in place. */
  timestamp: pulumi.Input<string>;
  /** Invoiced amount, in the invoice credit type's units (USD cents by default). Edits in place. */
  amount?: pulumi.Input<number>;
  /** Quantity invoiced, with `unitPrice`. Edits in place. */
  quantity?: pulumi.Input<number>;
  /** Price per unit, in the invoice credit type's units, with `quantity`. Edits in place. */
  unitPrice?: pulumi.Input<number>;
}

/** Invoices generated on a schedule; Metronome expands it into items. Changing it replaces the commit. */
export interface RecurringScheduleArgs {
  /** How `amount` spreads over the invoices: `DIVIDED`, `DIVIDED_ROUNDED` or `EACH`. */
  amountDistribution: pulumi.Input<string>;
  /** `MONTHLY`, `QUARTERLY`, `SEMI_ANNUAL` or `ANNUAL`. */
  frequency: pulumi.Input<string>;
  /** First invoice, inclusive; RFC 3339 on a whole UTC hour. */
  startingAt: pulumi.Input<string>;
  /** End of the schedule, exclusive; RFC 3339 on a whole UTC hour. */
  endingBefore: pulumi.Input<string>;
  /** Amount per the distribution, in the invoice credit type's units (USD cents by default). */
  amount?: pulumi.Input<number>;
  /** Quantity, with `unitPrice`. */
  quantity?: pulumi.Input<number>;
  /** Price per unit, with `quantity`. */
  unitPrice?: pulumi.Input<number>;
}

export interface InvoiceScheduleArgs {
  /** Credit type of the invoiced amounts; defaults to USD (cents). Changing it replaces the commit. */
  creditTypeId?: pulumi.Input<string>;
  /** When true, no invoice is generated for the commit. Defaults to false. Changing it replaces the commit. */
  doNotInvoice?: pulumi.Input<boolean>;
  /** Explicit invoices. Give this or `recurringSchedule`. Items are edited in place. */
  scheduleItems?: pulumi.Input<pulumi.Input<InvoiceScheduleItemArgs>[]>;
  /** Invoices on a schedule. Give this or `scheduleItems`. Changing it replaces the commit. */
  recurringSchedule?: pulumi.Input<RecurringScheduleArgs>;
}

/** Which usage draws down the commit; usage must match at least one specifier. */
export interface SpecifierArgs {
  /** A product whose usage draws down the commit. */
  productId?: pulumi.Input<string>;
  /** Products carrying all of these tags draw down the commit. */
  productTags?: pulumi.Input<pulumi.Input<string>[]>;
  /** Pricing group values usage must carry. */
  pricingGroupValues?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Presentation group values usage must carry. */
  presentationGroupValues?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export interface CustomerCommitArgs {
  /** The Metronome customer the commit belongs to. Changing it replaces the commit. */
  customerId: pulumi.Input<string>;
  /** `PREPAID` or `POSTPAID` (any case). Changing it replaces the commit. */
  type: pulumi.Input<string>;
  /** The FIXED product the commit is invoiced under. Edits in place. */
  productId: pulumi.Input<string>;
  /** Draw-down order among commits and credits; lower is consumed first. Edits in place. */
  priority: pulumi.Input<number>;
  /** When and how much the customer may draw down. */
  accessSchedule: pulumi.Input<AccessScheduleArgs>;
  /** How the commit is invoiced. Required for POSTPAID; omit for a free PREPAID commit. */
  invoiceSchedule?: pulumi.Input<InvoiceScheduleArgs>;
  /** The contract the commit is invoiced on; required when invoices are generated. Edits in place. */
  invoiceContractId?: pulumi.Input<string>;
  /** Limit the commit to these contracts (all of the customer's when omitted). Edits in place, except on POSTPAID commits, where it replaces. */
  applicableContractIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Limit draw-down to these products (all when neither these, tags nor specifiers are given). Edits in place. Not with `specifiers`. */
  applicableProductIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Limit draw-down to products with these tags. Edits in place. Not with `specifiers`. */
  applicableProductTags?: pulumi.Input<pulumi.Input<string>[]>;
  /** Finer draw-down rules. Edits in place. Not with `applicableProductIds`/`applicableProductTags`. */
  specifiers?: pulumi.Input<pulumi.Input<SpecifierArgs>[]>;
  /** Shown on invoices. Edits in place. */
  name?: pulumi.Input<string>;
  /** Internal description, not shown to the customer. Edits in place. */
  description?: pulumi.Input<string>;
  /** Commit custom fields (keys must be registered in Metronome for entity `commit`). Edits in place. */
  customFields?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** NetSuite sales order id (availability depends on your Metronome account). Changing it replaces the commit. */
  netsuiteSalesOrderId?: pulumi.Input<string>;
  /** Salesforce opportunity id (availability depends on your Metronome account). Changing it replaces the commit. */
  salesforceOpportunityId?: pulumi.Input<string>;
  /** `COMMIT_RATE` or `LIST_RATE` (Metronome's default, which is filled in when omitted). Edits in place. */
  rateType?: pulumi.Input<string>;
  /**
   * Metronome's guard against duplicate commits (1 to 128 characters). Defaults to a key derived
   * from project, stack, resource name and the replace-only fields, so re-runs reuse it and a
   * replacement gets a new one. Metronome never releases a key. Changing it replaces the commit.
   */
  uniquenessKey?: pulumi.Input<string>;
  /**
   * What removing this resource does to the commit: `"archive"` (default), `"endAccess"` (PREPAID:
   * end access and future invoices at the next whole hour, keep the commit) or `"forget"` (leave the
   * commit untouched in Metronome). Stored with the resource; changing it never touches the commit.
   */
  onDelete?: pulumi.Input<"archive" | "endAccess" | "forget">;
  /**
   * Take over this existing Metronome commit instead of creating one (dynamic resources cannot
   * `pulumi import`). The declaration must match the commit; nothing is created or edited on adoption.
   */
  existingCommitId?: pulumi.Input<string>;
}
