// The canonical inputs of a CustomerCommit (what `check` returns), written
// out as plain object types. They are part of the public declarations, which
// must not reach zod's type files: a consumer's `tsc` without `skipLibCheck`
// would type-check those too. (Aliases rather than interfaces, so that they
// stay assignable to `Record<string, unknown>`.) schema.ts is the source of truth for the
// shape; test/provider/core/inputs.test.ts proves at compile time that these
// types and the schema's parsed output are the same.

export type CommitTypeName = "PREPAID" | "POSTPAID";
export type RateTypeName = "COMMIT_RATE" | "LIST_RATE";
/** What removing the resource does: archive the commit, end its access now, or just stop managing it. */
export type OnDelete = "archive" | "endAccess" | "forget";
export type FrequencyName = "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL" | "ANNUAL";
export type AmountDistributionName = "DIVIDED" | "DIVIDED_ROUNDED" | "EACH";

export type AccessScheduleItemInputs = {
  amount: number;
  startingAt: string;
  endingBefore: string;
};

export type AccessScheduleInputs = {
  creditTypeId?: string;
  scheduleItems: AccessScheduleItemInputs[];
};

export type InvoiceScheduleItemInputs = {
  timestamp: string;
  amount?: number;
  quantity?: number;
  unitPrice?: number;
};

export type RecurringScheduleInputs = {
  amountDistribution: AmountDistributionName;
  frequency: FrequencyName;
  startingAt: string;
  endingBefore: string;
  amount?: number;
  quantity?: number;
  unitPrice?: number;
};

export type InvoiceScheduleInputs = {
  creditTypeId?: string;
  doNotInvoice?: boolean;
  scheduleItems?: InvoiceScheduleItemInputs[];
  recurringSchedule?: RecurringScheduleInputs;
};

export type SpecifierInputs = {
  productId?: string;
  productTags?: string[];
  pricingGroupValues?: Record<string, string>;
  presentationGroupValues?: Record<string, string>;
};

/** Canonical resolved inputs of a CustomerCommit (what `check` returns). */
export type CustomerCommitInputs = {
  customerId: string;
  type: CommitTypeName;
  productId: string;
  priority: number;
  accessSchedule: AccessScheduleInputs;
  invoiceSchedule?: InvoiceScheduleInputs;
  invoiceContractId?: string;
  applicableContractIds?: string[];
  applicableProductIds?: string[];
  applicableProductTags?: string[];
  specifiers?: SpecifierInputs[];
  name?: string;
  description?: string;
  customFields?: Record<string, string>;
  netsuiteSalesOrderId?: string;
  salesforceOpportunityId?: string;
  rateType?: RateTypeName;
  uniquenessKey: string;
  onDelete?: OnDelete;
  existingCommitId?: string;
};

/** Canonical resolved inputs of a CustomerCredit (what `check` returns). */
export type CustomerCreditInputs = {
  customerId: string;
  productId: string;
  priority: number;
  accessSchedule: AccessScheduleInputs;
  applicableContractIds?: string[];
  applicableProductIds?: string[];
  applicableProductTags?: string[];
  specifiers?: SpecifierInputs[];
  name?: string;
  description?: string;
  customFields?: Record<string, string>;
  netsuiteSalesOrderId?: string;
  salesforceOpportunityId?: string;
  rateType?: RateTypeName;
  uniquenessKey: string;
  onDelete?: OnDelete;
  existingCreditId?: string;
};
