/**
 * The stack-life safeguards on the real engine, for credits: the same ledger
 * and claims code as for commits, here seen naming a credit.
 *   - `up --replace`: the replacement's create carries the kept key, Metronome
 *     refuses a second credit under it, the provider adopts the credit that
 *     holds it, and the removal of the old half leaves that credit live;
 *   - a rename with `aliases`: no replacement and no write;
 *   - `deleteBeforeReplace` on a genuine replacement: refused before any write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../helpers/built-package";
import { type TestStack, diagnostics } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { CREDIT_CREATE, CREDIT_TYPE, type CreditArgs, liveCredits, onboardingCredit } from "./credit.shared";
import { TIMEOUT, errorsOf, failure, useEngine, writesDuring } from "./stack-life.shared";

type Pkg = typeof import("../../provider");
const { CustomerCredit } = loadBuiltPackage<Pkg>();
type Options = import("@pulumi/pulumi").CustomResourceOptions;

const harness = useEngine();

/** A program declaring one credit, `name`, with `opts`. */
const program = (name: string, args: CreditArgs, opts: Options = {}) => async () => ({ id: new CustomerCredit(name, args, opts).id });

describe("stack life of a CustomerCredit", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  let id: string;
  let urn: string;

  const liveIds = async () => (await liveCredits(world, world.customerId)).map((c) => c.id);
  const stateIds = async () => (await s.resources(CREDIT_TYPE)).filter((r) => !r.delete).map((r) => r.id);

  beforeAll(async () => {
    world = await startMetronomeWorld();
    s = await harness.engine.newStack(program("welcome", onboardingCredit(world, world.customerId)), {
      stackName: "credit-life",
      projectName: "life",
      ...world.stackConfig(),
    });
    await s.up();
    const [resource] = await s.resources(CREDIT_TYPE);
    id = resource!.id!;
    urn = resource!.urn;
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("up --replace keeps the credit, with a warning that names it", async () => {
    let events: Parameters<typeof diagnostics>[0] = [];
    const writes = await writesDuring(world, async () => ({ events } = await s.up({ replace: [urn] })));
    expect(writes).toEqual([`${CREDIT_CREATE} 409`]);
    expect(await liveIds()).toEqual([id]);
    expect(await stateIds()).toEqual([id]);
    const warning = diagnostics(events, "warning").join("\n");
    expect(warning).toContain(`credit ${id} was NOT archived`);
    expect(warning).toContain("To get a new credit, declare a new `uniquenessKey`");
  });

  it("a rename with aliases changes nothing and writes nothing", async () => {
    s.setProgram(program("welcome-2027", onboardingCredit(world, world.customerId), { aliases: [{ name: "welcome" }] }));
    const writes = await writesDuring(world, async () => {
      const { result } = await s.preview();
      expect(result.changeSummary).toEqual({ same: 2 });
      await s.up();
    });
    expect(writes).toEqual([]);
    expect(await stateIds()).toEqual([id]);
  });

  it("deleteBeforeReplace on a genuine replacement is refused before any write, naming the credit", async () => {
    const moved = onboardingCredit(world, world.customerId, { netsuiteSalesOrderId: "SO-9" });
    s.setProgram(program("welcome-2027", moved, { deleteBeforeReplace: true }));
    let error: Error | undefined;
    const writes = await writesDuring(world, async () => (error = await failure(s.up())));
    expect(writes).toEqual([]);
    const text = errorsOf(error!);
    expect(text).toContain(`Refusing to remove credit ${id}`);
    expect(text).toContain("Remove `deleteBeforeReplace`");
    expect(await liveIds()).toEqual([id]);
  });
});
