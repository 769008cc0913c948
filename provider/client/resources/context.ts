// What a resource needs from the client that owns it: a way to send a call
// (with the client's transport, retries and redaction) and a way to send a
// write its observers hear about. Internal: resources never see the token.

import type { Endpoint } from "../endpoints";
import type { PendingWrite } from "../writes";

export interface CallRequest {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  idempotencyKey?: string | undefined;
}

export interface ResourceContext {
  call(endpoint: Endpoint, request: CallRequest): Promise<unknown>;
  /** Runs `send`, telling the observers before it is sent and after it has ended. */
  observed<T>(write: PendingWrite, send: () => Promise<T>): Promise<T>;
}

export interface WriteOptions {
  /** Sent as `Idempotency-Key`: Metronome replays the stored result for a repeat. */
  idempotencyKey?: string;
}
