// The schemas of the inputs: one strict zod schema per kind, derived from
// the kind's field table (kind/kind.ts), from which validation runs and the
// plain input types are checked (inputs.ts). It checks shapes, types, enums
// and timestamp syntax; the cross-field rules Metronome enforces (POSTPAID
// totals, whole hours, overlaps, lengths, ...) live in rules.ts so that each
// one can name its own property path and reason.

import { customerCommitKind } from "./kinds/commit";
import { missingUniquenessKey } from "./fields/common";

export { COMMIT_TYPES, RATE_TYPES, FREQUENCIES, AMOUNT_DISTRIBUTIONS, ON_DELETE } from "./inputs-constants";
export { accessScheduleItemSchema, accessScheduleSchema } from "./fields/access-schedule";
export { specifierSchema } from "./fields/specifiers";
export { invoiceScheduleItemSchema, invoiceScheduleSchema, recurringScheduleSchema } from "./kinds/commit/invoice-schedule";

/** Why a commit's inputs without a uniqueness key fail validation. */
export const MISSING_UNIQUENESS_KEY = missingUniquenessKey(customerCommitKind.typeName, customerCommitKind.providerName, customerCommitKind.noun);

export const customerCommitInputsSchema = customerCommitKind.schema;
