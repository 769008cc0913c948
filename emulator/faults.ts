// Fault injection, armed through POST /_emulator/faults. Faults are queued
// per exact path and consumed one request at a time, in the order they were
// armed, so a test can script "first attempt times out, second succeeds".

import { badRequest } from "./errors";

export type FaultKind = "status" | "status-after-apply" | "drop-after-apply" | "latency";
export const FAULT_KINDS: readonly FaultKind[] = ["status", "status-after-apply", "drop-after-apply", "latency"];

export interface Fault {
  path: string;
  kind: FaultKind;
  /** Requests still to be affected. */
  count: number;
  status?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
}

export function parseFault(raw: Record<string, unknown>): Fault {
  const { path, kind } = raw;
  if (typeof path !== "string" || !path.startsWith("/")) throw badRequest("path must be a string starting with /");
  if (typeof kind !== "string" || !FAULT_KINDS.includes(kind as FaultKind)) {
    throw badRequest(`kind must be one of ${FAULT_KINDS.join(", ")}`);
  }
  const int = (v: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
      throw badRequest(`${name} must be an integer between ${min} and ${max}`);
    }
    return v;
  };
  const fault: Fault = { path, kind: kind as FaultKind, count: int(raw.count, "count", 1) ?? 1 };
  const status = int(raw.status, "status", 100, 599);
  const retryAfterSeconds = int(raw.retryAfterSeconds, "retryAfterSeconds", 0);
  const latencyMs = int(raw.latencyMs, "latencyMs", 0);
  if ((fault.kind === "status" || fault.kind === "status-after-apply") && status === undefined) {
    throw badRequest(`status is required for kind ${fault.kind}`);
  }
  if (fault.kind === "latency" && latencyMs === undefined) throw badRequest("latencyMs is required for kind latency");
  if (status !== undefined) fault.status = status;
  if (retryAfterSeconds !== undefined) fault.retryAfterSeconds = retryAfterSeconds;
  if (latencyMs !== undefined) fault.latencyMs = latencyMs;
  return fault;
}

export class FaultQueue {
  private faults: Fault[] = [];

  arm(fault: Fault): void {
    this.faults.push(fault);
  }

  clear(): number {
    const n = this.faults.length;
    this.faults = [];
    return n;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Consumes one use of the oldest fault armed for `path`, if any. */
  take(path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.path === path);
    if (index < 0) return undefined;
    const fault = this.faults[index] as Fault;
    fault.count -= 1;
    if (fault.count <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }
}
