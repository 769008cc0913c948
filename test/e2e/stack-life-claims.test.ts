/**
 * Who holds a commit, on the real engine:
 *   - two resources of one stack claiming one commit (by `existingCommitId`,
 *     by a shared declared key, or already so in state) are refused before
 *     any write, naming the resource that holds it;
 *   - a create with an unclear outcome never takes over the customer's
 *     commit keyed `x:<our key>`;
 *   - two stacks holding copies of one state, updating at once, apply the
 *     change once (the edit's Idempotency-Key has nothing random in it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestStack } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { apiRequests, clearApiRequests } from "../helpers/request-log";
import { type Declared, TIMEOUT, YEAR, failure, heldCommits, prepaid, program, stateByName, writesDuring, errorsOf, useEngine } from "./stack-life.shared";

const CREATE = "/v1/contracts/customerCommits/create";
const EDIT = "/v2/contracts/commits/edit";

const harness = useEngine();


describe("two resources claiming one commit", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  let id: string;
  const KEY = "acme-order-form-2027";
  const first = (): Declared => ({ args: prepaid(world, { uniquenessKey: KEY }) });

  beforeAll(async () => {
    world = await startMetronomeWorld();
    s = await harness.engine.newStack(program({ first: first() }), { stackName: "claims", projectName: "life", ...world.stackConfig() });
    await s.up();
    id = (await stateByName(s)).get("first")!.id!;
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it.each<[string, () => Declared]>([
    ["a second resource adopting it by existingCommitId", () => ({ args: prepaid(world, { uniquenessKey: KEY, existingCommitId: id }) })],
    ["a second resource declaring its uniqueness key", () => ({ args: prepaid(world, { uniquenessKey: KEY, priority: 5 }) })],
  ])("%s: refused before any write, naming both resources", async (_label, second) => {
    s.setProgram(program({ first: first(), second: second() }));
    let error: Error | undefined;
    const writes = await writesDuring(world, async () => (error = await failure(s.up())));
    expect(writes).toEqual([]);
    expect(errorsOf(error!)).toMatch(/Refusing to let two resources manage .*: resources "(first|second)" and "(first|second)" of this stack all declare it/);
    expect(errorsOf(error!)).toContain('"first"');
    expect(errorsOf(error!)).toContain('"second"');
    expect([...(await stateByName(s)).keys()]).toEqual(["first"]);
  });

  it("two new resources declaring one key in the same run: one commit, the other refused", async () => {
    const shared = (name: string, priority: number): Declared => ({ args: prepaid(world, { uniquenessKey: "shared-2027", name, priority }) });
    s.setProgram(program({ first: first(), one: shared("One", 11), other: shared("Other", 12) }));
    let error: Error | undefined;
    const writes = await writesDuring(world, async () => (error = await failure(s.up())));
    expect(writes.filter((w) => w === `${CREATE} 200`)).toHaveLength(1);
    expect(errorsOf(error!)).toMatch(/Refusing to let two resources manage .*: resources "(one|other)" and "(one|other)" of this stack all declare it/);
    const holders = [...(await heldCommits(world)).values()].filter((c) => c.key === "shared-2027");
    expect(holders).toHaveLength(1);
    s.setProgram(program({ first: first() }));
    await s.up(); // back to one commit in state
  });

  it("two resources already holding one commit in state: the second one's diff is refused, naming the first", async () => {
    // A state written before this check existed: the same commit under two names.
    const deployment = await s.exportStack();
    const resources = deployment.deployment.resources as Array<Record<string, unknown>>;
    const original = resources.find((r) => r.id === id)!;
    resources.push({ ...original, urn: (original.urn as string).replace(/::first$/, "::twin") });
    const file = `${s.workDir}/twin.json`;
    await import("node:fs").then((fs) => fs.writeFileSync(file, JSON.stringify(deployment)));
    expect((await s.cli(["stack", "import", "--file", file])).code).toBe(0);
    s.setProgram(program({ first: first(), twin: first() }));
    let error: Error | undefined;
    const writes = await writesDuring(world, async () => (error = await failure(s.up())));
    expect(writes).toEqual([]);
    expect(errorsOf(error!)).toMatch(/resources "(first|twin)" and "(first|twin)" of this stack all declare it/);
    expect((await heldCommits(world)).get(id)?.live).toBe(true);
  });
});

describe("a create with an unclear outcome next to a commit keyed x:<our key>", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  const KEY = "globex-2027";

  beforeAll(async () => {
    world = await startMetronomeWorld();
    s = await harness.engine.newStack(program({}), { stackName: "suffix", projectName: "life", ...world.stackConfig() });
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it.each([
    ["a 503 before anything was applied", { path: CREATE, kind: "status", status: 503 }, "one"],
    ["the connection dropped after the commit was made", { path: CREATE, kind: "drop-after-apply" }, "two"],
  ])("%s: the other commit is untouched, ours is created once", async (_label, fault, suffix) => {
    const key = `${KEY}-${suffix}`;
    const other = await world.sdk.v1.customers.commits.create({
      customer_id: world.customerId,
      type: "PREPAID",
      product_id: world.productId,
      priority: 7,
      name: "Someone else's commit",
      uniqueness_key: `x:${key}`,
      access_schedule: { schedule_items: [{ amount: 5_000, starting_at: YEAR.startingAt, ending_before: YEAR.endingBefore }] },
    });
    const before = (await world.commits()).find((c) => c.id === other.data.id);
    await world.control("faults", fault);
    s.setProgram(program({ [`ours-${suffix}`]: { args: prepaid(world, { uniquenessKey: key }) } }));
    await s.up();
    const all = await world.commits();
    expect(all.find((c) => c.id === other.data.id)).toEqual(before);
    const ours = all.filter((c) => c.uniqueness_key === key);
    expect(ours).toHaveLength(1);
    expect((await stateByName(s)).get(`ours-${suffix}`)?.id).toBe(ours[0]!.id);
  });
});

describe("two stacks holding copies of one state update it at once", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let one: TestStack;
  let two: TestStack;
  let id: string;
  const declared = (items: number): Record<string, Declared> => {
    const scheduleItems = [{ amount: 1_000_000, ...YEAR }];
    if (items > 1) scheduleItems.push({ amount: 500_000, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2029-01-01T00:00:00Z" });
    return { shared: { args: prepaid(world, { uniquenessKey: "shared-state-2027", accessSchedule: { scheduleItems } }) } };
  };

  beforeAll(async () => {
    world = await startMetronomeWorld();
    one = await harness.engine.newStack(program(declared(1)), { stackName: "one", projectName: "life", ...world.stackConfig() });
    await one.up();
    id = (await stateByName(one)).get("shared")!.id!;
    // A copy of the same state in a second stack (the URNs name their stack).
    const text = JSON.stringify(await one.exportStack()).replaceAll("urn:pulumi:one::", "urn:pulumi:two::");
    two = await harness.engine.newStack(program(declared(1)), { stackName: "two", projectName: "life", ...world.stackConfig() });
    const file = `${two.workDir}/copy.json`;
    await import("node:fs").then((fs) => fs.writeFileSync(file, text));
    const imported = await two.cli(["stack", "import", "--file", file]);
    if (imported.code !== 0) throw new Error(imported.stderr);
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("the same new schedule item, applied from both at once, is added once", async () => {
    one.setProgram(program(declared(2)));
    two.setProgram(program(declared(2)));
    // Both read the commit and send their edit before either edit is served:
    // the first edit is held long enough for the second engine to start, plan
    // against the same live commit and send its own, even on a loaded machine.
    await world.control("faults", { path: EDIT, kind: "latency", latencyMs: 8_000, count: 2 });
    await clearApiRequests(world.url);
    await Promise.all([one.up(), two.up()]);
    const edits = (await apiRequests(world.url)).filter((r) => r.path === EDIT);
    expect(edits.map((r) => r.status)).toEqual([200, 200]);
    const commit = (await world.commits()).find((c) => c.id === id)!;
    expect(commit.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([1_000_000, 500_000]);
  });
});
