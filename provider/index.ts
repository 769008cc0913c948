// pulumi-metronome: Metronome customer commits and credits as Pulumi resources.
//
// Layout (data flows one way): args → canonical inputs (core) → API payload
// (core) → API response (client) → outputs (core); the runtime provider wires
// those steps to Pulumi's dynamic-provider calls, and the resource class hands
// Pulumi a one-line module that requires this package at run time.

export { CustomerCommit } from "./resource/customer-commit";
export { CustomerCredit } from "./resource/customer-credit";

export type {
  AccessScheduleArgs,
  AccessScheduleItemArgs,
  CustomerCommitArgs,
  CustomerCreditArgs,
  InvoiceScheduleArgs,
  InvoiceScheduleItemArgs,
  RecurringScheduleArgs,
  SpecifierArgs,
} from "./resource/args";
export { customerCommitProvider, customerCreditProvider } from "./runtime/provider";
/** A delegating provider object for custom classes that extend `pulumi.dynamic.Resource` (and tests). */
export { customerCommitShim } from "./resource/shim";
/** The one-line `__provider` text every `CustomerCommit` stores (and Pulumi import files carry). */
export { CUSTOMER_COMMIT_PROVIDER_TEXT, CUSTOMER_CREDIT_PROVIDER_TEXT, providerModuleText } from "./resource/provider-module";
export { MissingCredentialsError } from "./runtime/credentials";
export {
  AdoptionError,
  AmbiguousWriteError,
  CommitGoneError,
  CreatedButUnreadError,
  DeleteRefusedError,
  UnsupportedChangeError,
  UpdateIncompleteError,
} from "./runtime/errors";
// From their own files, not the core's index: the public declarations must
// not reach the zod schema's types (test/package/consumer-types.test.ts).
export { CommitValidationError, CreditValidationError, InputValidationError } from "./core/validation-error";
export type {
  AccessScheduleInputs,
  AccessScheduleItemInputs,
  CommitTypeName,
  CustomerCommitInputs,
  CustomerCreditInputs,
  InvoiceScheduleInputs,
  InvoiceScheduleItemInputs,
  OnDelete,
  RateTypeName,
  RecurringScheduleInputs,
  SpecifierInputs,
} from "./core/inputs";
export * from "./client";
export { USD_CENTS_CREDIT_TYPE_ID } from "./api/wire";
