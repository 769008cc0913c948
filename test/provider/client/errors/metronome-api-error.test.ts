import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  ConnectionLostError,
  MetronomeApiError,
  ServerError,
  TimeoutError,
  errorFromResponse,
} from "../../../../provider/client";

const where = { method: "POST", path: "/v2/contracts/commits/edit" };

describe("MetronomeApiError", () => {
  it("names the call and the status in its message, SDK-style", () => {
    const e = errorFromResponse({ ...where, status: 404, isWrite: true, apiMessage: "Commit not found" });
    expect(e.message).toBe("404 Commit not found (POST /v2/contracts/commits/edit)");
  });

  it("says so in the message when a write may have applied", () => {
    const e = new ServerError({ ...where, status: 504, mayHaveApplied: true });
    expect(e.message).toBe("504 Server Error (POST /v2/contracts/commits/edit; the write may have been applied)");
  });

  it("carries its literal name into the stack, JSON and inspect output", () => {
    const e = new TimeoutError({ ...where, timeoutMs: 25, mayHaveApplied: true });
    expect(e.stack?.split("\n")[0]).toBe(`TimeoutError: ${e.message}`);
    const json = JSON.parse(JSON.stringify(e));
    expect(json).toMatchObject({ name: "TimeoutError", message: e.message, timeoutMs: 25, mayHaveApplied: true, path: where.path });
    expect(inspect(e)).toContain("TimeoutError");
  });

  it("transport errors have no status", () => {
    expect(new TimeoutError({ ...where, timeoutMs: 1 }).status).toBeUndefined();
    const lost = new ConnectionLostError({ ...where, connected: true, reason: "other side closed", mayHaveApplied: true });
    expect(lost.status).toBeUndefined();
    expect(lost.name).toBe("ConnectionLostError");
    expect(lost.message).toContain("other side closed");
  });

  it("defaults: not ambiguous, one attempt", () => {
    const e = new MetronomeApiError("x", where);
    expect(e.mayHaveApplied).toBe(false);
    expect(e.attempts).toBe(1);
    expect(e.name).toBe("MetronomeApiError");
  });
});
