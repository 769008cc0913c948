/**
 * `CustomerCredit` through the real Pulumi engine (the CLI, the real
 * dynamic-provider plugin, the package's `__provider` module) against the
 * emulator, next to a `CustomerCommit` of the same resource name in one
 * stack: the two derive different keys (commits and credits share one key
 * space in Metronome), and the commit is untouched by everything done to the
 * credit. Steps run in order on one stack; each asserts what Metronome holds,
 * through the official SDK, as well as what Pulumi reports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../helpers/built-package";
import { type Engine, type TestStack, createEngine, steps } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import {
  COMMIT_TYPE,
  CREDIT_FIELD_KEY,
  CREDIT_TYPE,
  type CreditArgs,
  allCredits,
  liveCredits,
  listedAs,
  onboardingCredit,
  registerCreditFieldKey,
} from "./credit.shared";

type Pkg = typeof import("../../provider");
const { CustomerCommit, CustomerCredit } = loadBuiltPackage<Pkg>();
type CommitArgs = import("../../provider").CustomerCommitArgs;

const PROJECT = "credits";
const STACK = "mixed";
const NAME = "welcome";
const TIMEOUT = 180_000;
const EUR = "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13";
const FIRST_HALF = { startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" };
const DERIVED = new RegExp(`^${PROJECT}/${STACK}/${NAME}#[0-9a-f]{16}$`);

/** A commit and a credit, both named `welcome`; exports both ids. */
function program(commit: CommitArgs, credit: CreditArgs) {
  return async () => ({
    commitId: new CustomerCommit(NAME, commit).id,
    creditId: new CustomerCredit(NAME, credit).id,
  });
}

const outputId = (outputs: Record<string, { value: unknown }>, name: "commitId" | "creditId") => outputs[name]?.value as string;

describe("a CustomerCredit and a CustomerCommit of one name in one stack", { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let world: MetronomeWorld;
  let s: TestStack;
  let commit: CommitArgs;
  let credit: CreditArgs;
  let commitId: string;
  let creditId: string;

  /** The stack's one resource of `type`, as the checkpoint holds it. */
  const stateOf = async (type: string) => {
    const resources = await s.resources(type);
    expect(resources).toHaveLength(1);
    return resources[0]!;
  };

  /** The commit is as first created: same id, live, its key unchanged. */
  const expectCommitUntouched = async () => {
    const commits = await world.commits();
    expect(commits.map((c) => [c.id, c.archived_at, c.name])).toEqual([[commitId, undefined, "Welcome commit"]]);
  };

  beforeAll(async () => {
    [engine, world] = await Promise.all([createEngine(), startMetronomeWorld({ customers: 2 })]);
    await registerCreditFieldKey(world);
    commit = {
      customerId: world.customerId,
      type: "PREPAID",
      productId: world.productId,
      priority: 100,
      name: "Welcome commit",
      accessSchedule: { scheduleItems: [{ amount: 1_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
    };
    credit = onboardingCredit(world, world.customerId, { customFields: { [CREDIT_FIELD_KEY]: "welcome" } });
    s = await engine.newStack(program(commit, credit), { stackName: STACK, projectName: PROJECT, ...world.stackConfig() });
  }, TIMEOUT);
  afterAll(async () => {
    await world?.close();
    await engine?.cleanup();
  });

  it("up creates both, under two different derived keys", async () => {
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ create: 3 }); // the commit, the credit and the stack
    commitId = outputId(result.outputs, "commitId");
    creditId = outputId(result.outputs, "creditId");

    const commitKey = (await stateOf(COMMIT_TYPE)).outputs!.uniquenessKey as string;
    const creditKey = (await stateOf(CREDIT_TYPE)).outputs!.uniquenessKey as string;
    expect(commitKey).toMatch(DERIVED);
    expect(creditKey).toMatch(DERIVED);
    expect(creditKey).not.toBe(commitKey);

    const [heldCommit] = await world.liveCommits();
    expect(heldCommit).toMatchObject({ id: commitId, uniqueness_key: commitKey });
    const credits = await liveCredits(world, world.customerId);
    expect(credits.map((c) => [c.id, c.uniqueness_key])).toEqual([[creditId, creditKey]]);
    expect(credits[0]).toMatchObject({ name: "Onboarding credit", priority: 50, custom_fields: { [CREDIT_FIELD_KEY]: "welcome" } });
    expect(credits[0]!.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([50_000]);
  });

  it("a preview with no change plans nothing", async () => {
    const { result, events } = await s.preview();
    expect(result.changeSummary).toEqual({ same: 3 });
    expect(steps(events).filter((step) => step.op !== "same")).toEqual([]);
  });

  it("an edit of editable fields updates the same credit in place", async () => {
    credit = { ...credit, name: "Onboarding credit (extended)", priority: 40, accessSchedule: { scheduleItems: [{ amount: 75_000, ...FIRST_HALF }] } };
    s.setProgram(program(commit, credit));
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 2, update: 1 });
    expect(outputId(result.outputs, "creditId")).toBe(creditId);
    const [live] = await liveCredits(world, world.customerId);
    expect(live).toMatchObject({ id: creditId, name: "Onboarding credit (extended)", priority: 40 });
    expect(live!.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([75_000]);
    await expectCommitUntouched();
  });

  it("refresh after a dashboard edit shows the drift, and the next up puts the declaration back", async () => {
    await world.sdk.v2.contracts.editCredit({ customer_id: world.customerId, credit_id: creditId, name: "Renamed in the dashboard", priority: 7 });
    const { result, events } = await s.refresh();
    expect(result.summary.resourceChanges).toMatchObject({ update: 1 });
    const refreshed = events.map((e) => e.resOutputsEvent?.metadata).find((m) => m?.type === CREDIT_TYPE);
    expect(refreshed?.diffs).toEqual(expect.arrayContaining(["name", "priority"]));
    const state = await stateOf(CREDIT_TYPE);
    expect(state.inputs).toMatchObject({ name: "Renamed in the dashboard", priority: 7 });

    const up = await s.up();
    expect(up.result.summary.resourceChanges).toEqual({ same: 2, update: 1 });
    const [live] = await liveCredits(world, world.customerId);
    expect(live).toMatchObject({ id: creditId, name: "Onboarding credit (extended)", priority: 40 });
  });

  it.each([
    ["a new credit type", "accessSchedule", () => ({ accessSchedule: { creditTypeId: EUR, scheduleItems: [{ amount: 75_000, ...FIRST_HALF }] } })],
    ["a new customer", "customerId", () => ({ customerId: world.customers[1]!.customerId })],
  ] as Array<[string, string, () => Partial<CreditArgs>]>)("the preview of %s plans a replacement and warns about the credit's money", async (_change, reason, change) => {
    s.setProgram(program(commit, { ...credit, ...change() }));
    const preview = await s.previewJson();
    const step = preview.steps!.find((st) => st.urn.includes(":CustomerCredit::"));
    expect(step?.op).toBe("replace");
    expect(step?.replaceReasons).toEqual(expect.arrayContaining([reason]));
    const warnings = (preview.diagnostics ?? []).filter((d) => d.severity === "warning").map((d) => d.message).join("\n");
    expect(warnings).toMatch(
      new RegExp(
        `credit ${creditId} "Onboarding credit \\(extended\\)" \\(\\$750\\.00 of access, customer ${world.customerId}\\) ` +
          `will be REPLACED because ${reason} cannot change in place: a new credit is created, then this one is archived`,
      ),
    );
    await expectCommitUntouched();
    expect(await listedAs(world, world.customerId, creditId)).toBe("live");
  });

  it("up replaces the credit: a new id and key, the old credit archived", async () => {
    const before = await stateOf(CREDIT_TYPE);
    const other = world.customers[1]!.customerId;
    credit = { ...credit, customerId: other, accessSchedule: { creditTypeId: EUR, scheduleItems: [{ amount: 75_000, ...FIRST_HALF }] } };
    s.setProgram(program(commit, credit));
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 2, replace: 1 });
    const newId = outputId(result.outputs, "creditId");
    expect(newId).not.toBe(creditId);
    expect(await listedAs(world, world.customerId, creditId)).toBe("archived");
    const moved = await liveCredits(world, other);
    expect(moved.map((c) => [c.id, c.access_schedule!.credit_type!.id])).toEqual([[newId, EUR]]);
    expect(moved[0]!.uniqueness_key).not.toBe(before.outputs!.uniquenessKey);
    expect(moved[0]!.uniqueness_key).toBe((await stateOf(CREDIT_TYPE)).outputs!.uniquenessKey);
    await expectCommitUntouched();
    creditId = newId;
  });

  it("destroy archives both: the credit is then listed only with include_archived", async () => {
    const { result } = await s.destroy();
    expect(result.summary.resourceChanges).toEqual({ delete: 3 });
    for (const c of world.customers) expect(await liveCredits(world, c.customerId)).toEqual([]);
    expect((await allCredits(world, world.customers[1]!.customerId)).map((c) => c.id)).toEqual([creditId]);
    const commits = await world.commits();
    expect(commits.map((c) => [c.id, typeof c.archived_at])).toEqual([[commitId, "string"]]);
    expect(await s.resources()).toEqual([]);
  });
});
