// The deployment ledger through the provider, one deployment per test, in
// the orders the engine calls it (step_generator.go of Pulumi v3.276): a
// forced replacement is checked with its old state and then again without,
// a targeted one (`--replace`, taint) only without and never diffed, a
// genuine one checked, diffed and checked again. Each refusal comes before
// any call to Metronome.

import { describe, expect, it } from "vitest";
import { CommitHeldError } from "../../../provider/runtime/errors";
import { PATHS, created, newDeployment, newWorld, prepaidArgs, provider, rejection, summarize, useRuntime, type Raw } from "./harness";

const h = useRuntime();

/** The program's inputs for resource `name`: no declared key, the class's candidate. */
function declared(name: string, candidate: string, args: Raw): Raw {
  const { uniquenessKey: _k, ...rest } = args;
  return { __provider: "shim", ...rest, __resourceName: name, __defaultUniquenessKey: candidate };
}

async function existing(name: string) {
  const w = await newWorld(h.api);
  const args = prepaidArgs(w);
  const made = await created(args);
  newDeployment();
  return { w, args, key: made.inputs.uniquenessKey as string, id: made.id, outs: made.outs, news: declared(name, made.inputs.uniquenessKey as string, args) };
}

const checkedAs = async (olds: Raw, news: Raw): Promise<Raw> => {
  const result = await provider.check(olds, news);
  expect(result.failures ?? []).toEqual([]);
  return result.inputs as Raw;
};

describe("the deployment ledger", () => {
  it("a forced replacement that keeps its key: the create is refused, nothing sent", async () => {
    const r = await existing("first");
    await checkedAs(r.outs, r.news);
    const inputs = await checkedAs({}, r.news); // the engine's second check of a replacement
    await h.emu.clearLog();
    const error = await rejection(provider.create(inputs));
    expect(error).toBeInstanceOf(CommitHeldError);
    expect(error.message).toContain('Refusing to create a commit for resource "first"');
    expect(await h.emu.calls()).toEqual([]);
  });

  it.each([
    ["the new one checked first", true],
    ["the existing one checked first", false],
  ])("a second resource declaring a held key (%s): refused naming both, nothing sent", async (_label, newFirst) => {
    const r = await existing("first");
    const second = { ...declared("second", "other-candidate", r.args), uniquenessKey: r.key };
    const checks = [() => checkedAs({}, second), () => checkedAs(r.outs, r.news)];
    const [a, b] = newFirst ? checks : checks.reverse();
    const results = [await a!(), await b!()];
    const inputs = newFirst ? results[0]! : results[1]!;
    await h.emu.clearLog();
    const error = await rejection(provider.create(inputs));
    expect(error.message).toMatch(/resources "(first|second)" and "(first|second)" of this stack all declare it/);
    expect(await h.emu.calls()).toEqual([]);
  });

  it("a targeted replacement: the create adopts the commit by its key, and its removal archives nothing", async () => {
    const r = await existing("first");
    const inputs = await checkedAs({}, r.news); // checked with no old state, never diffed
    const made = await provider.create(inputs);
    expect(made.id).toBe(r.id);
    await h.emu.clearLog();
    await provider.delete(r.id, r.outs);
    expect(summarize(await h.emu.calls())).toEqual([]);
  });

  it("deleteBeforeReplace of a genuine replacement: the removal is refused, nothing sent", async () => {
    const r = await existing("first");
    const news = { ...r.news, netsuiteSalesOrderId: "SO-2" };
    await checkedAs(r.outs, news);
    await provider.diff(r.id, r.outs, await checkedAs(r.outs, news));
    await h.emu.clearLog();
    const error = await rejection(provider.delete(r.id, r.outs));
    expect(error).toBeInstanceOf(CommitHeldError);
    expect(await h.emu.calls()).toEqual([]);
  });

  it("a genuine replacement: the second check keeps the chained key, the new commit is made, then the old is archived", async () => {
    const r = await existing("first");
    const news = { ...r.news, netsuiteSalesOrderId: "SO-2" };
    const first = await checkedAs(r.outs, news);
    await provider.diff(r.id, r.outs, first);
    const again = await checkedAs({}, news);
    expect(again.uniquenessKey).toBe(first.uniquenessKey);
    expect(again.uniquenessKey).not.toBe(r.key);
    const made = await provider.create(again);
    expect(made.id).not.toBe(r.id);
    await h.emu.clearLog();
    await provider.delete(r.id, r.outs);
    expect(summarize(await h.emu.calls())).toContain(`${PATHS.archive} 200`);
  });

  it("a removed resource whose commit another resource still declares: refused, nothing sent", async () => {
    const r = await existing("first");
    await checkedAs({}, declared("second", "other", { ...r.args, uniquenessKey: undefined, existingCommitId: r.id }));
    await h.emu.clearLog();
    const error = await rejection(provider.delete(r.id, r.outs));
    expect(error.message).toContain(`Refusing to remove commit ${r.id}`);
    expect(await h.emu.calls()).toEqual([]);
  });
});
