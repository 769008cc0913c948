// Metronome's `Idempotency-Key` header (docs, "API idempotency"): on any
// POST, once the request begins executing ("it passes validation"), its
// result is persisted, "even in the case of an HTTP 500 error", and the same
// key with the same parameters replays it for at least 24 hours; the same
// key with different parameters is a 409. Keys are scoped per bearer token;
// only a hash of the token is kept. Records live in the persisted state so
// replays survive a restart.

import { createHash } from "node:crypto";
import type { IdempotencyRecord, State } from "./model";

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Same parameters = same JSON value, whatever the key order or spacing. */
export function hashBody(parsed: unknown, raw: string): string {
  return sha256(parsed === undefined ? raw : canonicalJson(parsed));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Whether an answer is stored under its key. Every 4xx the emulator gives
 * refuses the request as sent (a malformed or unknown field, an unknown
 * record, a rule the commit breaks, a used uniqueness key), so it counts as
 * failing validation and is not stored: a retry with the same key runs
 * again. Successes and 5xx answers are stored and replayed.
 */
export function persistsUnderKey(status: number): boolean {
  return status < 400 || status >= 500;
}

export type Lookup = { kind: "miss" } | { kind: "replay"; record: IdempotencyRecord } | { kind: "conflict" };

export class IdempotencyCache {
  constructor(private readonly state: State) {}

  private slot(tokenHash: string, key: string): string {
    return `${tokenHash}:${key}`;
  }

  lookup(tokenHash: string, key: string, path: string, bodyHash: string, now: number): Lookup {
    const slot = this.slot(tokenHash, key);
    const record = this.state.idempotency[slot];
    if (!record || now - Date.parse(record.storedAt) > IDEMPOTENCY_TTL_MS) return { kind: "miss" };
    if (record.path !== path || record.bodyHash !== bodyHash) return { kind: "conflict" };
    return { kind: "replay", record };
  }

  store(tokenHash: string, key: string, record: IdempotencyRecord, now: number): void {
    // Expired records are dropped here so the persisted file stays bounded.
    for (const [slot, r] of Object.entries(this.state.idempotency)) {
      if (now - Date.parse(r.storedAt) > IDEMPOTENCY_TTL_MS) delete this.state.idempotency[slot];
    }
    this.state.idempotency[this.slot(tokenHash, key)] = record;
  }
}
