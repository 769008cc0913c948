import { MetronomeApiError, type ApiErrorDetails } from "./metronome-api-error";

/**
 * No complete answer within the per-request timeout. On a write the server
 * may still have applied it (`mayHaveApplied`).
 */
export class TimeoutError extends MetronomeApiError {
  override readonly name = "TimeoutError" as const;
  declare readonly status: undefined;
  readonly timeoutMs: number;

  constructor(details: ApiErrorDetails & { timeoutMs: number }) {
    super(`request timed out after ${details.timeoutMs} ms`, { ...details, status: undefined });
    this.timeoutMs = details.timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}
