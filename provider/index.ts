// pulumi-metronome: Metronome customer commits as Pulumi resources.
//
// Layout (data flows one way): args → canonical inputs (core) → API payload
// (core) → API response (client) → outputs (core); the runtime provider wires
// those steps to Pulumi's dynamic-provider calls, and the resource class hands
// Pulumi a thin shim that requires this package at run time.

export { CustomerCommit } from "./resource/customer-commit";
export type {
  AccessScheduleArgs,
  AccessScheduleItemArgs,
  CustomerCommitArgs,
  InvoiceScheduleArgs,
  InvoiceScheduleItemArgs,
  RecurringScheduleArgs,
  SpecifierArgs,
} from "./resource/args";
export { customerCommitProvider } from "./runtime/provider";
/** The serialized stand-in `CustomerCommit` hands Pulumi (for tests and custom resource classes). */
export { customerCommitShim } from "./resource/shim";
/** The `__provider` text Pulumi stores with every CustomerCommit (for import files and tools that write state). */
export { customerCommitProviderText } from "./resource/provider-text";
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
export { CommitValidationError } from "./core/check";
export type {
  AccessScheduleInputs,
  AccessScheduleItemInputs,
  CommitTypeName,
  CustomerCommitInputs,
  InvoiceScheduleInputs,
  InvoiceScheduleItemInputs,
  OnDelete,
  RateTypeName,
  RecurringScheduleInputs,
  SpecifierInputs,
} from "./core/inputs";
export * from "./client";
export { USD_CENTS_CREDIT_TYPE_ID } from "./api/wire";
