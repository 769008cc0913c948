// create and update validate their inputs in full every time, whatever check
// returned before (provider.ts `validated`): inputs that reach them unchecked
// or altered after check are refused with the same message check would give,
// before any call to Metronome, and check's own result passes unchanged.

import { describe, expect, it } from "vitest";
import { CommitValidationError, canonicalize, checkInputs, validateInputs } from "../../../provider/core";
import { postpaidRaw, prepaidRaw, prepaidTwoHalvesRaw, recurringRaw } from "../core/fixtures";
import { canonicalOf, checked, created, newWorld, prepaidArgs, provider, useRuntime, type Raw } from "./harness";

const h = useRuntime();

/** The same value with keys in reverse order at every level (the engine's gRPC Struct keeps no order). */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]));
}

describe("check's result", () => {
  it.each<[string, () => Raw]>([
    ["invoiced PREPAID", prepaidRaw],
    ["PREPAID in two halves", prepaidTwoHalvesRaw],
    ["POSTPAID", postpaidRaw],
    ["recurring invoices", recurringRaw],
  ])("check's inputs are valid, mean their canonical form, and check gives them back unchanged, key order included (%s)", (_label, raw) => {
    const out = checkInputs({}, raw());
    expect(out.failures).toEqual([]);
    const valid = validateInputs(raw());
    expect(valid.ok && canonicalize(out.inputs)).toEqual(valid.ok && valid.inputs);
    const again = checkInputs({}, out.inputs);
    expect(again.failures).toEqual([]);
    expect(JSON.stringify(again.inputs)).toBe(JSON.stringify(out.inputs));
  });
});

describe("create after check", () => {
  it("creates from check's inputs as the engine passes them back (keys in another order)", async () => {
    const w = await newWorld(h.api);
    const inputs = await checked(prepaidArgs(w));
    const result = await provider.create({ __provider: "shim", ...(reversed(inputs) as Raw) });
    const { revision: _r, createdAt: _c, ...outs } = result.outs as Raw;
    const stripIds = (s: any) => ({ ...s, scheduleItems: s.scheduleItems.map(({ id: _id, ...item }: Raw) => item) });
    expect({ ...outs, accessSchedule: stripIds(outs.accessSchedule), invoiceSchedule: stripIds(outs.invoiceSchedule) }).toEqual(canonicalOf(inputs));
  });

  it.each<[string, (inputs: Raw) => Raw]>([
    ["a field made invalid", (i) => ({ ...i, priority: "high" })],
    ["a required field removed", ({ productId: _p, ...rest }) => rest],
    ["an unknown key", (i) => ({ ...i, prioirty: 1 })],
    ["an unknown key holding undefined", (i) => ({ ...i, prioirty: undefined })],
    ["a timestamp off the hour", (i) => ({ ...i, accessSchedule: { scheduleItems: [{ amount: 1, startingAt: "2027-01-01T00:30:00Z", endingBefore: "2028-01-01T00:00:00Z" }] } })],
    ["a NaN amount", (i) => ({ ...i, priority: Number.NaN })],
  ])("validates what check did not return (%s), before any call", async (_label, alter) => {
    const w = await newWorld(h.api);
    const inputs = await checked(prepaidArgs(w));
    const altered = alter(inputs);
    const expected = validateInputs(altered);
    await h.emu.clearLog();
    const outcome = await provider.create({ __provider: "shim", ...altered }).then(
      () => "created",
      (error: unknown) => error,
    );
    if (expected.ok) {
      expect(outcome).toBe("created");
    } else {
      expect(outcome).toBeInstanceOf(CommitValidationError);
      expect((outcome as CommitValidationError).message).toBe(new CommitValidationError(expected.issues).message);
      expect(await h.emu.calls()).toEqual([]);
    }
  });

  it("update validates in full too, before any call", async () => {
    const w = await newWorld(h.api);
    const { id, inputs, outs } = await created(prepaidArgs(w));
    await h.emu.clearLog();
    const error = await provider.update(id, outs, { __provider: "shim", ...inputs, priority: "high" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommitValidationError);
    expect((error as Error).message).toContain("priority");
    expect(await h.emu.calls()).toEqual([]);
  });

  it("still refuses invalid inputs that were never checked", async () => {
    const w = await newWorld(h.api);
    const error = await provider.create({ __provider: "shim", ...prepaidArgs(w), type: "SOMETIMES" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommitValidationError);
    expect((error as Error).message).toContain("type: expected one of PREPAID, POSTPAID");
  });
});
