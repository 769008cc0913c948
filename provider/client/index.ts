// The Metronome API client: public surface.
export { MetronomeClient, type MetronomeClientOptions, type WriteOptions, type CommitRef } from "./client";
export * from "./errors";
export { ENDPOINTS, type Endpoint, type EndpointName } from "./endpoints";
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
