// A hierarchy configuration set in Metronome (dashboard or API) on a managed
// commit: the provider neither declares nor sends one, so it shows it as an
// output (refresh records it, adoption carries it) and leaves it as it is on
// every update. It is never drift: there is no input to compare it with, and
// the edit endpoint has no documented way back to "none".

import { describe, expect, it } from "vitest";
import type { EditCommitBody } from "../../../provider/api/wire";
import { checked, created, metronomeCommit, newWorld, prepaidArgs, provider, useRuntime, type Raw, type World } from "./harness";

const h = useRuntime();

const HIERARCHY = (w: World) => ({ child_access: { type: "CONTRACT_IDS", contract_ids: [w.contractId] } });
const SHOWN = (w: World) => ({ childAccess: { contractIds: [w.contractId], type: "CONTRACT_IDS" } });

async function setInMetronome(w: World, id: string): Promise<void> {
  await h.api.commits.edit({ customer_id: w.customerId, commit_id: id, hierarchy_configuration: HIERARCHY(w) } as EditCommitBody);
}

describe("a hierarchy configuration set in Metronome", () => {
  it("is shown by refresh as an output, and is not an input", async () => {
    const w = await newWorld(h.api);
    const { id, inputs, outs } = await created(prepaidArgs(w));
    expect(outs).not.toHaveProperty("hierarchyConfiguration");
    await setInMetronome(w, id);
    const read = await provider.read(id, outs);
    expect((read.props as Raw).hierarchyConfiguration).toEqual(SHOWN(w));
    expect(read.inputs).toEqual(inputs);
  });

  it("is kept by an update, which never sends one", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id, outs } = await created(args);
    await setInMetronome(w, id);
    const result = await provider.update(id, outs, await checked({ ...args, name: "Renamed" }, args));
    expect((result.outs as Raw).hierarchyConfiguration).toEqual(SHOWN(w));
    const commit = await metronomeCommit(h.api, w.customerId, id);
    expect(commit.name).toBe("Renamed");
    expect(commit.hierarchy_configuration).toEqual(HIERARCHY(w));
  });

  it("does not stop an adoption, and is shown in the adopted outputs", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id } = await created(args);
    await setInMetronome(w, id);
    const adopted = await provider.create(await checked({ ...args, existingCommitId: id }));
    expect(adopted.id).toBe(id);
    expect((adopted.outs as Raw).hierarchyConfiguration).toEqual(SHOWN(w));
  });
});
