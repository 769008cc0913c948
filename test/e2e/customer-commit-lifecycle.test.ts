/**
 * `CustomerCommit` through the real Pulumi engine (source-built CLI, the real
 * dynamic-provider plugin, the serialized shim) against the emulator. Every
 * scenario asserts what Metronome holds, through the official SDK, as well as
 * what Pulumi reports. Steps in a describe run in order and share one stack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../helpers/built-package";
import { type Engine, EngineOpError, type TestStack, createEngine, steps } from "../helpers/engine";
import { CUSTOM_FIELD_KEY, type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";

type Pkg = typeof import("../../provider");
const { CustomerCommit } = loadBuiltPackage<Pkg>();
type Args = import("../../provider").CustomerCommitArgs;
type Options = import("@pulumi/pulumi").CustomResourceOptions;

const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const TIMEOUT = 180_000;
const YEAR = { startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" };

/** A program declaring `commits` (name → args), exporting each commit's id. */
function program(commits: Record<string, Args>, options: Record<string, Options> = {}) {
  return async () => {
    const ids: Record<string, unknown> = {};
    for (const [name, args] of Object.entries(commits)) ids[name] = new CustomerCommit(name, args, options[name]).id;
    return { ids };
  };
}

function prepaid(world: MetronomeWorld, overrides: Partial<Args> = {}): Args {
  return {
    customerId: world.customerId,
    type: "PREPAID",
    productId: world.productId,
    priority: 100,
    name: "Prepaid 2027",
    accessSchedule: { scheduleItems: [{ amount: 1_000_000, ...YEAR }] },
    invoiceContractId: world.contractId,
    invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    ...overrides,
  };
}

async function openStack(world: MetronomeWorld, engine: Engine, name: string, commits: Record<string, Args>) {
  return engine.newStack(program(commits), { stackName: name, projectName: "lifecycle", ...world.stackConfig() });
}

const idsOf = (outputs: Record<string, { value: unknown }>) => outputs.ids?.value as Record<string, string>;

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
}, TIMEOUT);
afterAll(async () => {
  await engine?.cleanup();
});

describe("each kind of commit", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  let ids: Record<string, string>;
  let commits: Record<string, Args>;

  beforeAll(async () => {
    world = await startMetronomeWorld();
    commits = {
      "free-prepaid": prepaid(world, { name: "Onboarding allowance", invoiceSchedule: undefined, invoiceContractId: undefined }),
      "invoiced-prepaid": prepaid(world),
      "recurring-prepaid": prepaid(world, {
        name: "Quarterly invoiced prepaid",
        invoiceSchedule: {
          recurringSchedule: { ...YEAR, frequency: "quarterly", amountDistribution: "DIVIDED", amount: 1_000_000 },
        },
      }),
      postpaid: {
        customerId: world.customerId,
        type: "postpaid",
        productId: world.productId,
        priority: 200,
        name: "Minimum spend 2027",
        accessSchedule: { scheduleItems: [{ amount: 5_000_000, ...YEAR }] },
        invoiceContractId: world.contractId,
        invoiceSchedule: { scheduleItems: [{ timestamp: "2027-12-31T00:00:00Z", amount: 5_000_000 }] },
      },
      "with-specifiers": prepaid(world, {
        name: "Compute only",
        specifiers: [{ productTags: ["compute"] }, { pricingGroupValues: { region: "eu-west-1" } }],
      }),
      "with-custom-fields": prepaid(world, { name: "Tagged", customFields: { [CUSTOM_FIELD_KEY]: "EMEA" } }),
    };
    s = await openStack(world, engine, "kinds", commits);
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("up creates one commit per resource, as declared", async () => {
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ create: 7 }); // six commits and the stack
    ids = idsOf(result.outputs);

    const held = new Map((await world.commits()).map((c) => [c.id, c]));
    expect(held.size).toBe(6);
    const state = new Map((await s.resources(TYPE)).map((r) => [r.id, r]));
    for (const [name, id] of Object.entries(ids)) {
      const commit = held.get(id);
      expect(commit, name).toBeDefined();
      expect(commit!.archived_at).toBeUndefined();
      // The key Metronome holds is the one the resource derived and stored.
      expect(commit!.uniqueness_key).toBe(state.get(id)!.outputs!.uniquenessKey);
      expect(commit!.uniqueness_key).toMatch(new RegExp(`^lifecycle/kinds/${name}#[0-9a-f]{16}$`));
    }
    expect(held.get(ids["free-prepaid"]!)!.invoice_schedule?.schedule_items ?? []).toEqual([]);
    expect(held.get(ids["invoiced-prepaid"]!)!.invoice_contract?.id).toBe(world.contractId);
    const quarterly = held.get(ids["recurring-prepaid"]!)!.invoice_schedule!.schedule_items!;
    expect(quarterly.map((i) => i.timestamp)).toEqual([
      "2027-01-01T00:00:00.000Z",
      "2027-04-01T00:00:00.000Z",
      "2027-07-01T00:00:00.000Z",
      "2027-10-01T00:00:00.000Z",
    ]);
    expect(quarterly.reduce((sum, i) => sum + i.amount, 0)).toBe(1_000_000);
    const postpaid = held.get(ids.postpaid!)!;
    expect(postpaid.type).toBe("POSTPAID");
    expect(postpaid.access_schedule!.schedule_items[0]!.amount).toBe(5_000_000);
    expect(held.get(ids["with-specifiers"]!)!.specifiers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ product_tags: ["compute"] }),
        expect.objectContaining({ pricing_group_values: { region: "eu-west-1" } }),
      ]),
    );
    expect(held.get(ids["with-custom-fields"]!)!.custom_fields).toEqual({ [CUSTOM_FIELD_KEY]: "EMEA" });
  });

  it("state holds every canonical input (inputs without the defaults, outputs with them), Metronome's ids and no credential", async () => {
    // The state file as the backend stores it: the token is stack config, so
    // it may only appear encrypted (as a secret), never in clear text.
    const stateFile = path.join(new URL(engine.backendUrl).pathname, ".pulumi", "stacks", "lifecycle", "kinds.json");
    const raw = fs.readFileSync(stateFile, "utf8");
    expect(raw).toContain('"uniquenessKey"');
    expect(raw).not.toContain(world.token);
    const [postpaid] = (await s.resources(TYPE)).filter((r) => r.id === ids.postpaid);
    expect(postpaid!.inputs).toMatchObject({ type: "POSTPAID" });
    expect(postpaid!.inputs).not.toHaveProperty("rateType");
    expect(postpaid!.inputs).not.toHaveProperty("onDelete");
    expect(postpaid!.outputs).toMatchObject({ type: "POSTPAID", rateType: "LIST_RATE", onDelete: "archive" });
    const item = (postpaid!.outputs!.accessSchedule as { scheduleItems: Array<{ id?: string }> }).scheduleItems[0];
    expect(item?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(postpaid!.outputs!.createdAt).toEqual(expect.any(String));
  });

  it("a second up with no change is a no-op", async () => {
    const { result, events } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 7 });
    expect(steps(events).filter((step) => step.op !== "same")).toEqual([]);
  });

  it("destroy archives every commit", async () => {
    const { result } = await s.destroy();
    expect(result.summary.resourceChanges).toEqual({ delete: 7 });
    const held = await world.commits();
    expect(held).toHaveLength(6);
    for (const commit of held) expect(commit.archived_at, commit.name).toEqual(expect.any(String));
  });
});

describe("changes: edit in place or replace", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  let firstId: string;

  beforeAll(async () => {
    world = await startMetronomeWorld();
    s = await openStack(world, engine, "changes", { commit: prepaid(world) });
    firstId = idsOf((await s.up()).result.outputs).commit!;
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("preview --diff shows only the real change, readably, and never __provider", async () => {
    const changed = prepaid(world, {
      name: "Prepaid 2027 (amended)",
      accessSchedule: { scheduleItems: [{ amount: 1_500_000, ...YEAR }] },
      // Equivalent spellings of what is already there must not show as changes.
      type: "prepaid",
      invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00.000Z", amount: 1_000_000 }] },
    });
    s.setProgram(program({ commit: changed }));
    const { stdout, result } = await s.preview({ diff: true });
    expect(result.changeSummary).toEqual({ same: 1, update: 1 });
    expect(stdout).not.toContain("__provider");
    const block = resourceBlock(stdout, "commit");
    await expect(maskIds(block)).toMatchFileSnapshot("__snapshots__/preview-diff-edit.txt");
    expect(block).toMatch(/~ name\s*: "Prepaid 2027" => "Prepaid 2027 \(amended\)"/);
    expect(block).toMatch(/~ amount\s*: 1000000 => 1500000/);
    expect(block).not.toMatch(/invoiceSchedule|type:/);
  });

  it("an edit of editable fields updates the same commit in place", async () => {
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(idsOf(result.outputs).commit).toBe(firstId);
    const live = await world.liveCommits();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: firstId, name: "Prepaid 2027 (amended)" });
    expect(live[0]!.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([1_500_000]);
  });

  it("a change Metronome cannot make in place replaces the commit: new id, new key, old one archived", async () => {
    const before = (await world.liveCommits())[0]!;
    s.setProgram(program({ commit: prepaid(world, { name: "Prepaid 2027 (amended)", netsuiteSalesOrderId: "SO-1001", accessSchedule: { scheduleItems: [{ amount: 1_500_000, ...YEAR }] } }) }));
    const preview = await s.previewJson();
    const step = preview.steps!.find((st) => st.urn.endsWith("::commit") && st.op === "replace");
    expect(step?.replaceReasons).toEqual(expect.arrayContaining(["netsuiteSalesOrderId"]));
    // The plan warns about the money: which commit, how much, and what happens to it.
    const warnings = (preview.diagnostics ?? []).filter((d) => d.severity === "warning").map((d) => d.message);
    expect(warnings.join("\n")).toMatch(
      new RegExp(`commit ${firstId} "Prepaid 2027 \\(amended\\)" \\(\\$15,000\\.00 of access.*REPLACED because netsuiteSalesOrderId.*archived`),
    );

    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 1, replace: 1 });
    const newId = idsOf(result.outputs).commit!;
    expect(newId).not.toBe(firstId);
    const held = await world.commits();
    const live = held.filter((c) => c.archived_at === undefined);
    expect(live.map((c) => c.id)).toEqual([newId]);
    expect(held.find((c) => c.id === firstId)!.archived_at).toEqual(expect.any(String));
    expect(live[0]!.uniqueness_key).not.toBe(before.uniqueness_key);
    expect(live[0]!.netsuite_sales_order_id).toBe("SO-1001");
  });
});

describe("refresh", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  let id: string;

  beforeAll(async () => {
    world = await startMetronomeWorld();
    s = await openStack(world, engine, "refresh", { commit: prepaid(world) });
    id = idsOf((await s.up()).result.outputs).commit!;
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("shows an out-of-band edit field by field, and the next preview plans to put it back", async () => {
    const [commit] = await world.liveCommits();
    await world.sdk.v2.contracts.editCommit({
      customer_id: world.customerId,
      commit_id: id,
      name: "Renamed in the dashboard",
      access_schedule: { update_schedule_items: [{ id: commit!.access_schedule!.schedule_items[0]!.id, amount: 900_000 }] },
    });

    const { result, events, stdout } = await s.refresh();
    expect(result.summary.resourceChanges).toMatchObject({ update: 1 });
    // Refresh reports drift on the step's outputs event, and in the text.
    const refreshed = events.map((e) => e.resOutputsEvent?.metadata).find((m) => m?.urn.endsWith("::commit"));
    expect(refreshed?.diffs).toEqual(expect.arrayContaining(["name", "accessSchedule"]));
    expect(stdout).toMatch(/CustomerCommit commit updated .*\[diff: ~accessSchedule,name\]/);
    const [state] = await s.resources(TYPE);
    expect(state!.outputs).toMatchObject({ name: "Renamed in the dashboard" });
    expect(state!.inputs).toMatchObject({ name: "Renamed in the dashboard" });

    const preview = await s.preview();
    expect(preview.result.changeSummary).toEqual({ same: 1, update: 1 });
    await s.up();
    const [restored] = await world.liveCommits();
    expect(restored).toMatchObject({ id, name: "Prepaid 2027" });
    expect(restored!.access_schedule!.schedule_items[0]!.amount).toBe(1_000_000);
  });

  it("drops a commit archived out of band from state", async () => {
    await world.sdk.post("/v2/contracts/commits/archive", { body: { customer_id: world.customerId, commit_id: id } });
    const { result } = await s.refresh();
    expect(result.summary.resourceChanges).toMatchObject({ delete: 1 });
    expect(await s.resources(TYPE)).toEqual([]);
  });
});

describe("resource options", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;

  beforeAll(async () => {
    world = await startMetronomeWorld();
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("protect refuses a replacement and a destroy, and Metronome is untouched", async () => {
    s = await engine.newStack(program({ guarded: prepaid(world) }, { guarded: { protect: true } }), {
      stackName: "protect",
      projectName: "lifecycle",
      ...world.stackConfig(),
    });
    await s.up();
    s.setProgram(program({ guarded: prepaid(world, { netsuiteSalesOrderId: "SO-9" }) }, { guarded: { protect: true } }));
    const replaced = await s.up().catch((e: unknown) => e);
    expect(replaced).toBeInstanceOf(EngineOpError);
    expect((replaced as EngineOpError).stdout + (replaced as EngineOpError).errors.join("\n")).toMatch(/protect/i);
    const destroyed = await s.destroy().catch((e: unknown) => e);
    expect(destroyed).toBeInstanceOf(EngineOpError);
    expect(await world.liveCommits()).toHaveLength(1);
    expect((await world.liveCommits())[0]!.netsuite_sales_order_id).toBeUndefined();
  });

  it("retainOnDelete leaves the commit live in Metronome when the resource goes", async () => {
    const other = world.customers[0]!;
    const t = await engine.newStack(program({ kept: prepaid(world, { name: "Kept" }) }, { kept: { retainOnDelete: true } }), {
      stackName: "retain",
      projectName: "lifecycle",
      ...world.stackConfig(),
    });
    const id = idsOf((await t.up()).result.outputs).kept!;
    t.setProgram(program({}));
    const { result } = await t.up();
    expect(result.summary.resourceChanges).toMatchObject({ delete: 1 });
    const commit = (await world.commits(other.customerId)).find((c) => c.id === id);
    expect(commit?.archived_at).toBeUndefined();
  });

  it("ignoreChanges keeps a changed field from being applied", async () => {
    const t = await engine.newStack(program({ named: prepaid(world, { name: "Original" }) }, { named: { ignoreChanges: ["name"] } }), {
      stackName: "ignore",
      projectName: "lifecycle",
      ...world.stackConfig(),
    });
    const id = idsOf((await t.up()).result.outputs).named!;
    t.setProgram(program({ named: prepaid(world, { name: "Changed" }) }, { named: { ignoreChanges: ["name"] } }));
    const { result } = await t.up();
    expect(result.summary.resourceChanges).toEqual({ same: 2 });
    expect((await world.commits()).find((c) => c.id === id)?.name).toBe("Original");
  });
});

/** The lines of `preview --diff` output that belong to resource `name`. */
function resourceBlock(text: string, name: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.includes(`CustomerCommit: (update)`) || l.includes(`::${name}]`) || l.endsWith(` ${name}`));
  expect(start, text).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return lines.slice(start, end === -1 ? undefined : end).join("\n");
}

/** Replaces uuids (which differ per run) by a placeholder so the snapshot is stable. */
function maskIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>").replace(/#[0-9a-f]{16}/g, "#<hash>");
}
