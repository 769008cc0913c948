import { MetronomeApiError, type ApiErrorDetails } from "./metronome-api-error";

/**
 * The connection failed: closed or reset before a full answer arrived, or it
 * could not be opened at all. `connected` tells the two apart: only when the
 * connection was never established is a write certainly not applied.
 */
export class ConnectionLostError extends MetronomeApiError {
  override readonly name = "ConnectionLostError" as const;
  declare readonly status: undefined;
  /** False when no connection was ever made (refused, DNS failure): nothing reached the server. */
  readonly connected: boolean;

  constructor(details: ApiErrorDetails & { connected: boolean; reason: string }) {
    const what = details.connected ? "connection lost before a complete response" : "could not connect";
    super(`${what}: ${details.reason}`, { ...details, status: undefined });
    this.connected = details.connected;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), connected: this.connected };
  }
}
