// The deployment ledger's refusals, for credits: two resources of one
// deployment that declare the same credit are refused before any write, and
// the refusal speaks of a credit (the kind the user declared), not of a
// commit.

import { describe, expect, it } from "vitest";
import { CommitHeldError } from "../../../provider/runtime/errors";
import { CREDIT_PATHS, creditArgs, creditProvider, creditWritesIn, creditsWithKey } from "./credit-harness";
import { newWorld, rejection, useRuntime } from "./harness";

const h = useRuntime();

/** Two resources, "first" and "second", declare one credit (one key); "first" is created. Returns the refusal of "second". */
async function secondClaimOfOneCredit() {
  const w = await newWorld(h.api);
  const args = creditArgs(w);
  const first = await creditProvider.check({}, { __provider: "shim", __resourceName: "first", ...args });
  const second = await creditProvider.check({}, { __provider: "shim", __resourceName: "second", ...args });
  await h.emu.clearLog();
  const made = await creditProvider.create(first.inputs as Record<string, unknown>);
  const error = await rejection(creditProvider.create(second.inputs as Record<string, unknown>));
  return { w, key: args.uniquenessKey as string, id: made.id, error };
}

describe("credit claims in one deployment", () => {
  it("refuses a second resource declaring the same credit before any write: one credit in Metronome", async () => {
    const { w, key, id, error } = await secondClaimOfOneCredit();
    expect(error).toBeInstanceOf(CommitHeldError);
    expect(error.message).toContain('resources "first" and "second"');
    expect(creditWritesIn(await h.emu.calls())).toEqual([`${CREDIT_PATHS.create} 200`]);
    expect((await creditsWithKey(h.api, w.customerId, key)).map((c) => c.id)).toEqual([id]);
  });

  it("names what the user declared: a credit, never a commit", async () => {
    const { id, error } = await secondClaimOfOneCredit();
    expect(error.message).toContain(`Refusing to let two resources manage credit ${id}`);
    expect(error.message).not.toMatch(/commit/i);
  });
});
