/**
 * Bringing existing commits and credits under code, through the real engine:
 * commits and credits made in Metronome (the emulator, seeded through the
 * official SDK) -> `pulumi-metronome import` writes the module -> the module,
 * compiled as a user's program would be, runs as the stack's program:
 *   1. `pulumi up` only adopts: one create step per commit and per credit,
 *      every id the existing record's, and not a single write reaches
 *      Metronome;
 *   2. `pulumi preview` shows no changes;
 *   3. `pulumi refresh` finds no drift (and a preview after it none either);
 *   4. an edit made in the code updates Metronome in place (same ids,
 *      `commits/edit` and `credits/edit` only), after which preview is clean
 *      again.
 * The tests run in order and share one stack.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../emulator/index";
import { TEST_EMULATOR_OPTIONS } from "../helpers/emulator-options";
import { MetronomeClient } from "../../provider/client";
import { type Engine, type TestStack, changeSummary, createEngine, diagnostics, steps } from "../helpers/engine";
import { type Seeded, sdkFor, seed } from "../cli/import/seed";
import { type Declared, declaredCommits, declaredCredits, declaredResources, runImport } from "../cli/import/support";
import { programFrom, requestLog } from "./import-support";

const TIMEOUT = 300_000;
const TOKEN = "import-round-trip-token";
const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const CREDIT_TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCredit";

describe("import round trip on the real engine", { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let emulator: Emulator;
  let client: MetronomeClient;
  let seeded: Seeded;
  let stack: TestStack;
  let generated: string;
  /** Every declaration, commits and credits. */
  let declared: Declared[];
  let commits: Declared[];
  let credits: Declared[];
  let dir: string;

  const { writes, clear: clearRequests } = requestLog(() => emulator.url);

  beforeAll(async () => {
    emulator = await startEmulator({ ...TEST_EMULATOR_OPTIONS, bearerToken: TOKEN });
    client = new MetronomeClient({ baseUrl: emulator.url, bearerToken: TOKEN, maxRetries: 0 });
    seeded = await seed(sdkFor(emulator.url, TOKEN));

    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-import-e2e-"));
    const out = path.join(dir, "commits.ts");
    const result = await runImport(
      ["--customer", seeded.customers.acme, "--customer", seeded.customers.globex, "--out", out],
      { METRONOME_BEARER_TOKEN: TOKEN, METRONOME_BASE_URL: emulator.url },
    );
    if (result.code !== 0) throw new Error(`import failed (${result.code}): ${result.stderr}`);
    generated = fs.readFileSync(out, "utf8");
    declared = declaredResources(generated);
    commits = declaredCommits(generated);
    credits = declaredCredits(generated);

    engine = await createEngine();
    stack = await engine.newStack(programFrom(generated), {
      projectName: "adopted",
      config: { "metronome:baseUrl": emulator.url },
      secretConfig: { "metronome:bearerToken": TOKEN },
    });
  }, TIMEOUT);

  afterAll(async () => {
    await engine?.cleanup();
    await client?.close();
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("pulumi up adopts every commit and credit and writes nothing to Metronome", async () => {
    expect(commits).toHaveLength(seeded.live.length);
    expect(credits).toHaveLength(seeded.liveCredits.length);
    expect(declared).toHaveLength(commits.length + credits.length);
    await clearRequests();
    const { result, events } = await stack.up();
    expect(result.summary.result).toBe("succeeded");
    expect(diagnostics(events, "error")).toEqual([]);
    expect(result.summary.resourceChanges).toEqual({ create: declared.length + 1 }); // + the stack
    expect(steps(events, TYPE).map((m) => m.op)).toEqual(commits.map(() => "create"));
    expect(steps(events, CREDIT_TYPE).map((m) => m.op)).toEqual(credits.map(() => "create"));

    const state = await stack.resources(TYPE);
    expect(state.map((r) => r.id).sort()).toEqual(commits.map((d) => d.args.existingCommitId).sort());
    const prepaid = state.find((r) => r.id === seeded.commits.prepaid);
    expect(prepaid?.outputs?.uniquenessKey).toBe("acme-order-form-2027");
    const creditState = await stack.resources(CREDIT_TYPE);
    expect(creditState.map((r) => r.id).sort()).toEqual(credits.map((d) => d.args.existingCreditId).sort());
    expect(creditState.find((r) => r.id === seeded.credits.sla)?.outputs?.uniquenessKey).toBe("acme-sla-2027-q1");
    expect(await writes()).toEqual([]);
  });

  it("pulumi preview then shows no changes", async () => {
    const { result, events } = await stack.preview();
    expect(diagnostics(events, "error")).toEqual([]);
    expect(result.changeSummary).toEqual({ same: declared.length + 1 });
    expect(steps(events, TYPE).every((m) => m.op === "same")).toBe(true);
    expect(steps(events, CREDIT_TYPE).map((m) => m.op)).toEqual(credits.map(() => "same"));
  });

  it("pulumi refresh finds no drift, and preview stays clean after it", async () => {
    await clearRequests();
    const { result, events } = await stack.refresh();
    expect(result.summary.result).toBe("succeeded");
    expect(diagnostics(events, "error")).toEqual([]);
    expect(changeSummary(events)).toEqual({ same: declared.length + 1 });
    expect(await writes()).toEqual([]);
    const after = await stack.preview();
    expect(after.result.changeSummary).toEqual({ same: declared.length + 1 });
  });

  it("an edit in the generated code updates the commits and the credit in Metronome, in place", async () => {
    // What a person would do in the file: raise the onboarding commit's
    // priority and the 2027 prepaid commit's access amount, and move the SLA
    // credit's priority.
    const edited = generated
      .replace(/(new CustomerCommit\("onboarding-credit"[\s\S]*?priority: )10,/, (_m, head: string) => `${head}15,`)
      .replace(
        /(new CustomerCommit\("2027-prepaid-[0-9a-f]{8}"[\s\S]*?\{ amount: )1_000_000(, startingAt)/,
        (_m, head: string, tail: string) => `${head}1_200_000${tail}`,
      )
      .replace(/(new CustomerCredit\("sla-credit-q1"[\s\S]*?priority: )5,/, (_m, head: string) => `${head}6,`);
    expect(edited.split("\n").filter((line, i) => line !== generated.split("\n")[i])).toHaveLength(3);
    stack.setProgram(programFrom(edited));

    const preview = await stack.preview();
    expect(preview.result.changeSummary).toEqual({ same: declared.length - 2, update: 3 });

    await clearRequests();
    const { result, events } = await stack.up();
    expect(result.summary.result).toBe("succeeded");
    expect(diagnostics(events, "error")).toEqual([]);
    expect(result.summary.resourceChanges).toEqual({ same: declared.length - 2, update: 3 });
    // The engine updates independent resources in any order.
    expect((await writes()).map((r) => `${r.method} ${r.path} ${r.status}`).sort()).toEqual([
      "POST /v2/contracts/commits/edit 200",
      "POST /v2/contracts/commits/edit 200",
      "POST /v2/contracts/credits/edit 200",
    ]);

    const state = await stack.resources(TYPE);
    expect(state.map((r) => r.id).sort()).toEqual(commits.map((d) => d.args.existingCommitId).sort());
    expect((await stack.resources(CREDIT_TYPE)).map((r) => r.id).sort()).toEqual(credits.map((d) => d.args.existingCreditId).sort());
    const sla = await client.credits.get(seeded.customers.acme, seeded.credits.sla as string);
    expect(sla?.priority).toBe(6);
    expect(sla?.uniqueness_key).toBe("acme-sla-2027-q1");
    const credit = await client.commits.get(seeded.customers.acme, seeded.commits.freeCredit as string);
    expect(credit?.priority).toBe(15);
    const prepaid = await client.commits.get(seeded.customers.acme, seeded.commits.prepaid as string);
    expect(prepaid?.access_schedule?.schedule_items.map((i) => i.amount)).toEqual([1_200_000]);
    expect(prepaid?.uniqueness_key).toBe("acme-order-form-2027");

    const again = await stack.preview();
    expect(again.result.changeSummary).toEqual({ same: declared.length + 1 });
  });
});
