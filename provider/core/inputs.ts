// The canonical inputs of each kind (what `check` returns), written out as
// plain object types with the documentation users read: the resource
// classes' args (resource/args.ts) and outputs are derived from them. They
// are part of the public declarations, which must not reach zod's type files
// (a consumer's `tsc` without `skipLibCheck` would type-check those too).
// (Aliases rather than interfaces, so that they stay assignable to
// `Record<string, unknown>`.) Each kind's field table (kinds/*/fields.ts) is
// the source of truth for the shape; test/provider/core/inputs.test.ts proves
// at compile time that these types and the schemas' parsed output are the same.
//
// Units: every amount is in units of the schedule's credit type. The default
// credit type is USD (cents), so `amount: 1_000_000` is $10,000.00.
// "Edits in place" means `pulumi up` changes the existing commit or credit
// (same id); "replaces" means a new one is created and the old one removed
// per `onDelete`. Enums are accepted in any case and come out upper case.

export type CommitTypeName = "PREPAID" | "POSTPAID";
export type RateTypeName = "COMMIT_RATE" | "LIST_RATE";
/** What removing the resource does: archive it, end its access now, or just stop managing it. */
export type OnDelete = "archive" | "endAccess" | "forget";
export type FrequencyName = "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL" | "ANNUAL";
export type AmountDistributionName = "DIVIDED" | "DIVIDED_ROUNDED" | "EACH";

/** One period of access to the granted amount. */
export type AccessScheduleItemInputs = {
  /** Amount granted for this period, in the access credit type's units (USD cents by default). Edits in place. */
  amount: number;
  /** Start of access, inclusive; RFC 3339 on a whole UTC hour. Edits in place. */
  startingAt: string;
  /** End of access, exclusive; RFC 3339 on a whole UTC hour, after `startingAt`. Edits in place. */
  endingBefore: string;
};

export type AccessScheduleInputs = {
  /** Credit type of the amounts; defaults to USD (cents). Changing it replaces the commit or credit. */
  creditTypeId?: string;
  /** The access periods; POSTPAID commits take exactly one. Items are edited in place (added, changed, removed). */
  scheduleItems: AccessScheduleItemInputs[];
};

/** One invoice: give `amount`, or both `quantity` and `unitPrice`. */
export type InvoiceScheduleItemInputs = {
  /** When the invoice is issued; RFC 3339 on a whole UTC hour. Edits in place. */
  timestamp: string;
  /** Invoiced amount, in the invoice credit type's units (USD cents by default). Edits in place. */
  amount?: number;
  /** Quantity invoiced, with `unitPrice`. Edits in place. */
  quantity?: number;
  /** Price per unit, in the invoice credit type's units, with `quantity`. Edits in place. */
  unitPrice?: number;
};

/** Invoices generated on a schedule; Metronome expands it into items. Changing it replaces the commit. */
export type RecurringScheduleInputs = {
  /** How `amount` spreads over the invoices: `DIVIDED`, `DIVIDED_ROUNDED` or `EACH`. */
  amountDistribution: AmountDistributionName;
  /** `MONTHLY`, `QUARTERLY`, `SEMI_ANNUAL` or `ANNUAL`. */
  frequency: FrequencyName;
  /** First invoice, inclusive; RFC 3339 on a whole UTC hour. */
  startingAt: string;
  /** End of the schedule, exclusive; RFC 3339 on a whole UTC hour. */
  endingBefore: string;
  /** Amount per the distribution, in the invoice credit type's units (USD cents by default). */
  amount?: number;
  /** Quantity, with `unitPrice`. */
  quantity?: number;
  /** Price per unit, with `quantity`. */
  unitPrice?: number;
};

export type InvoiceScheduleInputs = {
  /** Credit type of the invoiced amounts; defaults to USD (cents). Changing it replaces the commit. */
  creditTypeId?: string;
  /** When true, no invoice is generated for the commit. Defaults to false. Changing it replaces the commit. */
  doNotInvoice?: boolean;
  /** Explicit invoices. Give this or `recurringSchedule`. Items are edited in place. */
  scheduleItems?: InvoiceScheduleItemInputs[];
  /** Invoices on a schedule. Give this or `scheduleItems`. Changing it replaces the commit. */
  recurringSchedule?: RecurringScheduleInputs;
};

/** Which usage draws the commit or credit down; usage must match at least one specifier. */
export type SpecifierInputs = {
  /** A product whose usage draws it down. */
  productId?: string;
  /** Products carrying all of these tags draw it down. */
  productTags?: string[];
  /** Pricing group values usage must carry. */
  pricingGroupValues?: Record<string, string>;
  /** Presentation group values usage must carry. */
  presentationGroupValues?: Record<string, string>;
};

/** Canonical resolved inputs of a CustomerCommit (what `check` returns). */
export type CustomerCommitInputs = {
  /** The Metronome customer the commit belongs to. Changing it replaces the commit. */
  customerId: string;
  /** `PREPAID` or `POSTPAID` (any case). Changing it replaces the commit. */
  type: CommitTypeName;
  /** The FIXED product the commit is invoiced under. Edits in place. */
  productId: string;
  /** Draw-down order among commits and credits; lower is consumed first. Edits in place. */
  priority: number;
  /** When and how much the customer may draw down. */
  accessSchedule: AccessScheduleInputs;
  /** How the commit is invoiced. Required for POSTPAID; omit for a free PREPAID commit. */
  invoiceSchedule?: InvoiceScheduleInputs;
  /** The contract the commit is invoiced on; required when invoices are generated. Edits in place. */
  invoiceContractId?: string;
  /** Limit the commit to these contracts (all of the customer's when omitted). Edits in place, except on POSTPAID commits, where it replaces. */
  applicableContractIds?: string[];
  /** Limit draw-down to these products (all when neither these, tags nor specifiers are given). Edits in place. Not with `specifiers`. */
  applicableProductIds?: string[];
  /** Limit draw-down to products with these tags. Edits in place. Not with `specifiers`. */
  applicableProductTags?: string[];
  /** Finer draw-down rules. Edits in place. Not with `applicableProductIds`/`applicableProductTags`. */
  specifiers?: SpecifierInputs[];
  /** Shown on invoices. Edits in place. */
  name?: string;
  /** Internal description, not shown to the customer. Edits in place. */
  description?: string;
  /** Commit custom fields (keys must be registered in Metronome for entity `commit`). Edits in place. */
  customFields?: Record<string, string>;
  /** NetSuite sales order id (availability depends on your Metronome account). Changing it replaces the commit. */
  netsuiteSalesOrderId?: string;
  /** Salesforce opportunity id (availability depends on your Metronome account). Changing it replaces the commit. */
  salesforceOpportunityId?: string;
  /** `COMMIT_RATE` or `LIST_RATE` (Metronome's default, which is filled in when omitted). Edits in place. */
  rateType?: RateTypeName;
  /**
   * Metronome's guard against duplicate commits (1 to 128 characters). Defaults to a key derived
   * from project, stack, resource name and the replace-only fields, so re-runs reuse it and a
   * replacement gets a new one. Metronome never releases a key. Changing it replaces the commit.
   */
  uniquenessKey: string;
  /**
   * What removing this resource does to the commit: `"archive"` (default), `"endAccess"` (PREPAID:
   * end access and future invoices at the next whole hour, keep the commit) or `"forget"` (leave the
   * commit untouched in Metronome). Stored with the resource; changing it never touches the commit.
   */
  onDelete?: OnDelete;
  /**
   * Take over this existing Metronome commit instead of creating one (dynamic resources cannot
   * `pulumi import`). The declaration must match the commit; nothing is created or edited on adoption.
   */
  existingCommitId?: string;
};

/** Canonical resolved inputs of a CustomerCredit (what `check` returns): a commit's, less the type and the invoicing. */
export type CustomerCreditInputs = {
  /** The Metronome customer the credit belongs to. Changing it replaces the credit. */
  customerId: string;
  /** The FIXED product the credit is shown under. Edits in place. */
  productId: string;
  /** Draw-down order among commits and credits; lower is consumed first. Edits in place. */
  priority: number;
  /** When and how much the customer may draw down. Items edit in place; the credit type replaces the credit. */
  accessSchedule: AccessScheduleInputs;
  /** Limit the credit to these contracts (all of the customer's when omitted). Edits in place. */
  applicableContractIds?: string[];
  /** Limit draw-down to these products. Edits in place. Not with `specifiers`. */
  applicableProductIds?: string[];
  /** Limit draw-down to products with these tags. Edits in place. Not with `specifiers`. */
  applicableProductTags?: string[];
  /** Finer draw-down rules. Edits in place. Not with `applicableProductIds`/`applicableProductTags`. */
  specifiers?: SpecifierInputs[];
  /** Shown on invoices. Edits in place. */
  name?: string;
  /** Internal description, not shown to the customer. Edits in place. */
  description?: string;
  /** Credit custom fields (keys must be registered in Metronome for entity `contract_credit`). Edits in place. */
  customFields?: Record<string, string>;
  /** NetSuite sales order id. Changing it replaces the credit. */
  netsuiteSalesOrderId?: string;
  /** Salesforce opportunity id. Changing it replaces the credit. */
  salesforceOpportunityId?: string;
  /** `COMMIT_RATE` or `LIST_RATE` (Metronome's default, filled in when omitted). Edits in place. */
  rateType?: RateTypeName;
  /**
   * Metronome's guard against duplicates (1 to 128 characters), shared with commits. Defaults to a
   * key derived from project, stack, resource name, the kind and the replace-only fields. Metronome
   * never releases a key. Changing it replaces the credit.
   */
  uniquenessKey: string;
  /**
   * What removing this resource does to the credit: `"archive"` (default), `"endAccess"` (end its
   * access at the next whole hour, keep the credit) or `"forget"` (leave it untouched in Metronome).
   */
  onDelete?: OnDelete;
  /**
   * Take over this existing Metronome credit instead of creating one. The declaration must match
   * the credit; nothing is created or edited on adoption.
   */
  existingCreditId?: string;
};
