// The single source of truth for what a CustomerCommit's inputs look like:
// one zod schema, from which the TypeScript types are inferred. It checks
// shapes, types, enums and timestamp syntax; the cross-field rules Metronome
// enforces (POSTPAID totals, whole hours, overlaps, lengths, ...) live in
// rules.ts so that each one can name its own property path and reason.
//
// Field names are the camelCase mirrors of the API's snake_case fields
// (the package's public contract), plus two provider-level fields that never
// reach the API: `onDelete` and `existingCommitId`.
//
// Objects are strict: a misspelt key is a failure that names the key, because
// Metronome silently ignores unknown body fields and a typo would otherwise
// change money without anyone noticing. Enums are accepted in any case (the
// API does the same) and come out upper case.

import { z } from "zod";
import { TIMESTAMP_FORM, isTimestamp } from "./timestamps";

export const COMMIT_TYPES = ["PREPAID", "POSTPAID"] as const;
export const RATE_TYPES = ["COMMIT_RATE", "LIST_RATE"] as const;
export const FREQUENCIES = ["MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"] as const;
export const AMOUNT_DISTRIBUTIONS = ["DIVIDED", "DIVIDED_ROUNDED", "EACH"] as const;
/** What removing the resource does: archive the commit, end its access now, or just stop managing it. */
export const ON_DELETE = ["archive", "endAccess", "forget"] as const;

export const MISSING_UNIQUENESS_KEY =
  "is required: the CustomerCommit class derives one from project, stack, resource name and " +
  "the replace-only fields; direct users of customerCommitProvider must set it (1 to 128 characters) so that " +
  "a retried create never makes a second commit";

/** Upper-cases strings so `prepaid` and `PREPAID` are the same input. */
const upper = (v: unknown): unknown => (typeof v === "string" ? v.toUpperCase() : v);

/** A case-insensitive enum whose parsed value is the canonical spelling. */
function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(upper, z.enum(values));
}

const onDelete = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  return ON_DELETE.find((o) => o.toLowerCase() === v.toLowerCase()) ?? v;
}, z.enum(ON_DELETE));

const text = z.string().min(1, "must not be empty");
const id = z.string().min(1, "must not be empty");
const timestamp = z.string().refine(isTimestamp, `expected ${TIMESTAMP_FORM}`);
const stringMap = z.record(z.string(), z.string());

export const accessScheduleItemSchema = z.strictObject({
  amount: z.number(),
  startingAt: timestamp,
  endingBefore: timestamp,
});

export const accessScheduleSchema = z.strictObject({
  creditTypeId: id.optional(),
  scheduleItems: z.array(accessScheduleItemSchema).min(1, "must have at least one schedule item"),
});

export const invoiceScheduleItemSchema = z.strictObject({
  timestamp,
  amount: z.number().optional(),
  quantity: z.number().optional(),
  unitPrice: z.number().optional(),
});

export const recurringScheduleSchema = z.strictObject({
  amountDistribution: caseInsensitiveEnum(AMOUNT_DISTRIBUTIONS),
  frequency: caseInsensitiveEnum(FREQUENCIES),
  startingAt: timestamp,
  endingBefore: timestamp,
  amount: z.number().optional(),
  quantity: z.number().optional(),
  unitPrice: z.number().optional(),
});

export const invoiceScheduleSchema = z.strictObject({
  creditTypeId: id.optional(),
  doNotInvoice: z.boolean().optional(),
  scheduleItems: z.array(invoiceScheduleItemSchema).min(1, "must have at least one schedule item").optional(),
  recurringSchedule: recurringScheduleSchema.optional(),
});

export const specifierSchema = z.strictObject({
  productId: id.optional(),
  productTags: z.array(text).optional(),
  pricingGroupValues: stringMap.optional(),
  presentationGroupValues: stringMap.optional(),
});

export const customerCommitInputsSchema = z.strictObject({
  customerId: id,
  type: caseInsensitiveEnum(COMMIT_TYPES),
  productId: id,
  priority: z.number(),
  accessSchedule: accessScheduleSchema,
  invoiceSchedule: invoiceScheduleSchema.optional(),
  invoiceContractId: id.optional(),
  applicableContractIds: z.array(id).optional(),
  applicableProductIds: z.array(id).optional(),
  applicableProductTags: z.array(text).optional(),
  specifiers: z.array(specifierSchema).optional(),
  name: text.optional(),
  description: z.string().optional(),
  customFields: stringMap.optional(),
  netsuiteSalesOrderId: text.optional(),
  salesforceOpportunityId: text.optional(),
  rateType: caseInsensitiveEnum(RATE_TYPES).optional(),
  uniquenessKey: z.string({
    error: (iss) => (iss.input === undefined ? MISSING_UNIQUENESS_KEY : "expected a string of 1 to 128 characters"),
  }),
  onDelete: onDelete.optional(),
  existingCommitId: id.optional(),
});
