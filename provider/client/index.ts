// The Metronome API client: public surface.
export { MetronomeClient, type CommitRef, type MetronomeClientOptions, type WriteOptions } from "./client";
export type { ClientWrite, WriteEntity, WriteObserver } from "./writes";
export type { EntityRef } from "./responses";
export {
  Commits,
  Contracts,
  CreditTypes,
  Credits,
  CustomFields,
  Customers,
  KindResource,
  Products,
  type CommitWireTypes,
  type CreditWireTypes,
  type GetOptions,
  type KindEndpoints,
  type KindSpec,
  type KindWireTypes,
} from "./resources";
export * from "./errors";
export { ENDPOINTS, everyEndpoint, type Endpoint, type EndpointName, type ResourceName } from "./endpoints";
export {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  isRetryable,
  retryDelayMs,
  runWithRetries,
  type RequestKind,
  type RetryPolicy,
  type RetryRuntime,
} from "./retry";
export { parseRetryAfter } from "./retry-after";
export { paginateBodyCursor, type CursorPage } from "./pagination";
