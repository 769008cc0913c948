// The pure core of pulumi-metronome: schema, canonical form, rules, check,
// replace detection, API payloads, read-back mapping and edit planning.
// No I/O and no Pulumi imports anywhere below this folder.

export { UNKNOWN, isUnknown, containsUnknown } from "./unknown";
export {
  customerCommitInputsSchema,
  accessScheduleSchema,
  accessScheduleItemSchema,
  invoiceScheduleSchema,
  invoiceScheduleItemSchema,
  recurringScheduleSchema,
  specifierSchema,
  COMMIT_TYPES,
  RATE_TYPES,
  FREQUENCIES,
  AMOUNT_DISTRIBUTIONS,
  ON_DELETE,
  MISSING_UNIQUENESS_KEY,
} from "./schema";
export type {
  CustomerCommitInputs,
  AccessScheduleInputs,
  AccessScheduleItemInputs,
  InvoiceScheduleInputs,
  InvoiceScheduleItemInputs,
  RecurringScheduleInputs,
  SpecifierInputs,
  CommitTypeName,
  RateTypeName,
  OnDelete,
} from "./inputs";
export { canonicalize } from "./canonical";
export { canonicalId, canonicalSet } from "./canonical-values";
export { parseTimestamp, formatTimestamp, canonicalTimestamp, isTimestamp, TIMESTAMP_FORM } from "./timestamps";
export { checkRules, RULES, MAX_UNIQUENESS_KEY, MAX_CUSTOM_FIELD_KEY, MAX_CUSTOM_FIELD_VALUE } from "./rules";
export type { Issue, Rule } from "./rules";
export { checkInputs, failurePath, validateInputs, CommitValidationError, formatIssues, withoutInternalKeys } from "./check";
export type { CheckFailure, ValidationResult } from "./check";
export { REPLACE_ONLY, replacedProperties, replaceOnlyFields } from "./replace";
export type { ReplaceOnlyField } from "./replace";
export { toCreateBody } from "./payload";
export { commitToState } from "./from-api";
export type { CommitState, PriorState } from "./from-api";
export { outputsToInputs, SERVER_OUTPUT_KEYS } from "./outputs";
export type { CustomerCommitOutputs, AccessScheduleItemOutputs, InvoiceScheduleItemOutputs } from "./outputs";
export { planUpdate } from "./edit-plan";
export type { UpdatePlan, EditCommitChanges } from "./edit-plan";
export { defaultUniquenessKey, chainedUniquenessKey } from "./uniqueness-key";
export { effectiveUniquenessKey } from "./effective-key";
export { CANDIDATE_KEY_INPUT, RESOURCE_NAME_INPUT } from "./hidden-inputs";
export type { UniquenessKeyParts } from "./uniqueness-key";
export { usdFromCents, formatAmount, sumAmounts } from "./money";
