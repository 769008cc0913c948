// The root of every error the client throws. Callers branch on the subclass
// (or on `name`, which survives serialization); the properties carry what a
// caller needs to decide what to do next, and nothing secret: the client
// scrubs the bearer token out of every string before it reaches this class,
// and no request headers are ever stored here.

/** Everything an error can know about the failed call. All values already scrubbed. */
export interface ApiErrorDetails {
  /** HTTP method of the failed request, e.g. "POST". */
  method: string;
  /** Request path without host or query, e.g. "/v1/contracts/customerCommits/create". */
  path: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Metronome's `message` from the error body. */
  apiMessage?: string;
  /** Metronome's `code` from the error body (e.g. "CustomerNotFound"), when it sends one. */
  code?: string;
  /** The parsed error body (or a truncated text body), for fields like `conflicting_id`. */
  body?: unknown;
  /** Server-requested wait parsed from `Retry-After`, in milliseconds. */
  retryAfterMs?: number;
  /**
   * True when the request was a write that the server may have applied even
   * though we got no success answer (5xx, timeout, lost connection).
   */
  mayHaveApplied?: boolean;
  /** How many attempts were made, retries included. */
  attempts?: number;
  /** A sanitized description of the underlying transport failure. */
  cause?: Error;
}

export class MetronomeApiError extends Error {
  override readonly name: string = "MetronomeApiError";
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  readonly apiMessage: string | undefined;
  readonly code: string | undefined;
  readonly body: unknown;
  readonly retryAfterMs: number | undefined;
  readonly mayHaveApplied: boolean;
  readonly attempts: number;

  constructor(summary: string, details: ApiErrorDetails) {
    // The message names the call so a log line on its own is actionable, and
    // says so when a write is ambiguous: that is the one thing an operator
    // must not miss.
    const ambiguity = details.mayHaveApplied ? "; the write may have been applied" : "";
    super(`${summary} (${details.method} ${details.path}${ambiguity})`, details.cause ? { cause: details.cause } : undefined);
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.apiMessage = details.apiMessage;
    this.code = details.code;
    this.body = details.body;
    this.retryAfterMs = details.retryAfterMs;
    this.mayHaveApplied = details.mayHaveApplied ?? false;
    this.attempts = details.attempts ?? 1;
  }

  /** `JSON.stringify(err)` would otherwise drop `message`, which is the useful part. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      apiMessage: this.apiMessage,
      method: this.method,
      path: this.path,
      retryAfterMs: this.retryAfterMs,
      mayHaveApplied: this.mayHaveApplied,
      attempts: this.attempts,
    };
  }
}

/** "<status> <Metronome's message, or a fallback>": the SDK's message habit. */
export function statusSummary(details: ApiErrorDetails, fallback: string): string {
  const text = details.apiMessage ?? fallback;
  return details.status === undefined ? text : `${details.status} ${text}`;
}
