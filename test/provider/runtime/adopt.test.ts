// Adoption through `existingCommitId` (dynamic resources cannot be
// `pulumi import`ed): a commit that matches the declaration is taken over
// with zero writes; any difference is an AdoptionError listing each field
// with what is declared and what Metronome holds; another customer's commit,
// an unknown one or an archived one is refused.

import { describe, expect, it } from "vitest";
import { toCreateBody } from "../../../provider/core";
import { AdoptionError } from "../../../provider/runtime/errors";
import {
  UNKNOWN_ID,
  checked,
  created,
  expectJsonSafe,
  newKey,
  newWorld,
  prepaidArgs,
  provider,
  rejection,
  useRuntime,
  writesIn,
  type Raw,
} from "./harness";

const h = useRuntime();

/** A commit made outside Pulumi (a script, the dashboard), and its declaration. */
async function existingCommit(extra: Raw = {}) {
  const w = await newWorld(h.api);
  const key = newKey("dashboard");
  const made = await created(prepaidArgs(w, { uniquenessKey: key, ...extra }));
  // The declaration keeps the key Metronome holds, as `pulumi-metronome import` writes it.
  const declaration = prepaidArgs(w, { existingCommitId: made.id, uniquenessKey: key, ...extra });
  return { w, id: made.id, key, declaration };
}

describe("adoption with existingCommitId", () => {
  it("adopts a matching commit with zero writes; outputs describe it and carry its key", async () => {
    const { id, declaration } = await existingCommit();
    const inputs = await checked(declaration);
    await h.emu.clearLog();
    const result = await provider.create({ __provider: "shim", ...inputs });
    expect(result.id).toBe(id);
    expect(writesIn(await h.emu.calls())).toEqual([]);
    const outs = result.outs as Raw;
    expectJsonSafe(outs);
    expect(outs).toMatchObject({ existingCommitId: id, uniquenessKey: inputs.uniquenessKey, revision: 0 });
    // Refresh then finds it as the state holds it and keeps the stored inputs: the next preview is empty.
    expect(await provider.read(id, outs)).toEqual({ id, props: outs });
  });

  it("lists every difference, with what is declared and what Metronome holds, and changes nothing", async () => {
    const { id, declaration } = await existingCommit();
    const wrong: any = structuredClone(declaration);
    wrong.name = "Acme 2027 PREPAID";
    wrong.priority = 90;
    wrong.accessSchedule.scheduleItems[0].amount = 999_999;
    await h.emu.clearLog();
    const error = await rejection(provider.create(await checked(wrong)));
    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(`Cannot adopt commit ${id}`);
    expect(error.message).toContain("accessSchedule.scheduleItems[0].amount: declared 999999, Metronome has 1000000");
    expect(error.message).toContain('name: declared "Acme 2027 PREPAID", Metronome has "Acme 2027 prepaid"');
    expect(error.message).toContain("priority: declared 90, Metronome has 100");
    expect(error.message.match(/declared/g)).toHaveLength(3);
    expect(writesIn(await h.emu.calls())).toEqual([]);
  });

  it("treats a declared uniqueness key other than the one Metronome holds as a difference", async () => {
    const { id, key, declaration } = await existingCommit();
    const other = newKey("pulumi");
    const error = await rejection(provider.create(await checked({ ...declaration, uniquenessKey: other })));
    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(`Cannot adopt commit ${id}`);
    expect(error.message).toContain(`uniquenessKey: declared "${other}", Metronome has "${key}"`);
  });

  it("adopts a commit Metronome holds without a key under the declared one", async () => {
    const w = await newWorld(h.api);
    const { uniqueness_key: _none, ...body } = toCreateBody((await checked(prepaidArgs(w))) as never);
    const { id } = await h.api.commits.create(body);
    const declaration = await checked(prepaidArgs(w, { existingCommitId: id }));
    const result = await provider.create({ __provider: "shim", ...declaration });
    expect(result.id).toBe(id);
    expect((result.outs as Raw).uniquenessKey).toBe(declaration.uniquenessKey);
  });

  it("refuses another customer's commit", async () => {
    const { id, declaration } = await existingCommit();
    const other = await newWorld(h.api);
    const error = await rejection(
      provider.create(await checked({ ...declaration, customerId: other.customerId, invoiceContractId: other.contractId })),
    );
    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(`Cannot adopt commit ${id}: customer ${other.customerId} has no such commit`);
  });

  it("refuses an unknown commit id", async () => {
    const { declaration } = await existingCommit();
    const error = await rejection(provider.create(await checked({ ...declaration, existingCommitId: UNKNOWN_ID })));
    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(UNKNOWN_ID);
  });

  it("refuses an archived commit and says what to do", async () => {
    const { w, id, declaration } = await existingCommit();
    await h.api.commits.archive({ customer_id: w.customerId, commit_id: id });
    const error = await rejection(provider.create(await checked(declaration)));
    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toMatch(/was archived at .*Remove `existingCommitId`/);
  });
});
