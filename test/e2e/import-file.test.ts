/**
 * A real `pulumi import` of existing commits and credits, through the real
 * engine: commits and credits made in Metronome (the emulator, seeded
 * through the official SDK) -> the built `pulumi-metronome import …
 * --import-file import.json --stack` writes the declarations and the import
 * file -> `pulumi import --file import.json --generate-code=false` puts them
 * in state -> the declarations run as the stack's program:
 *   1. the import sends not one request to Metronome;
 *   2. `pulumi preview` shows no changes (the state's inputs and `__provider`
 *      are exactly what the program declares, derived uniqueness keys of
 *      commits and credits included);
 *   3. `pulumi refresh` finds no drift and writes nothing;
 *   4. an edit in the code updates a commit and a credit in place (same ids,
 *      one edit each);
 *   5. `import` run again for the same stack skips every commit and credit
 *      the stack now manages, saying so, whether it reads the stack
 *      (`--stack`, which runs `pulumi stack export`) or an exported file
 *      (`--state`).
 * The tests run in order and share one stack.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../emulator/index";
import { MetronomeClient } from "../../provider/client";
import { loadBuiltPackage } from "../helpers/built-package";
import { TEST_EMULATOR_OPTIONS } from "../helpers/emulator-options";
import { type Engine, type TestStack, changeSummary, createEngine, diagnostics } from "../helpers/engine";
import { REPO_ROOT } from "../helpers/repo";
import { type Seeded, sdkFor, seed } from "../cli/import/seed";
import { type Declared, declaredCommits, declaredCredits, declaredResources, runImport } from "../cli/import/support";
import { programFrom, requestLog } from "./import-support";

const TIMEOUT = 300_000;
const TOKEN = "import-file-token";
const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const CREDIT_TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCredit";
const typeOf = (d: Declared): string => `pulumi-nodejs:dynamic/metronome:${d.className}`;
const idOf = (d: Declared): unknown => d.args.existingCommitId ?? d.args.existingCreditId;
const STACK = "billing";

describe("pulumi import of existing commits and credits from the generated import file", { timeout: TIMEOUT }, () => {
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

  const { requests, writes, clear: clearRequests } = requestLog(() => emulator.url);
  const customerArgs = (): string[] => ["--customer", seeded.customers.acme, "--customer", seeded.customers.globex];

  /**
   * The built command line, as `npx pulumi-metronome` runs it, in the stack's
   * project directory (asynchronously: the emulator serves from this process).
   */
  const generator = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const env = {
        ...process.env,
        ...engine.env,
        PATH: `${path.dirname(engine.cliPath)}${path.delimiter}${process.env.PATH ?? ""}`,
        METRONOME_BEARER_TOKEN: TOKEN,
        METRONOME_BASE_URL: emulator.url,
      };
      execFile(process.execPath, [path.join(REPO_ROOT, "dist", "cli", "main.js"), "import", ...args], { cwd: stack.workDir, env }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    emulator = await startEmulator({ ...TEST_EMULATOR_OPTIONS, bearerToken: TOKEN });
    client = new MetronomeClient({ baseUrl: emulator.url, bearerToken: TOKEN, maxRetries: 0 });
    seeded = await seed(sdkFor(emulator.url, TOKEN));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-import-file-"));
    engine = await createEngine();
    stack = await engine.newStack(async () => {}, {
      stackName: STACK,
      projectName: "imported",
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

  it("pulumi import takes every commit and credit into state without a request to Metronome", async () => {
    const out = path.join(dir, "declared.ts");
    const importFile = path.join(dir, "import.json");
    const gen = await generator([...customerArgs(), "--out", out, "--import-file", importFile, "--stack", STACK]);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stderr).toContain("0 commits and 0 credits the stack already manages skipped");
    expect(gen.stderr).toContain(`pulumi import --file ${importFile} --generate-code=false`);
    generated = fs.readFileSync(out, "utf8");
    declared = declaredResources(generated);
    commits = declaredCommits(generated);
    credits = declaredCredits(generated);
    expect(commits).toHaveLength(seeded.live.length);
    expect(credits).toHaveLength(seeded.liveCredits.length);
    const file = JSON.parse(fs.readFileSync(importFile, "utf8")) as { resources: Array<Record<string, any>> };
    expect(file.resources.map((r) => [r.type, r.name, r.id])).toEqual(declared.map((d) => [typeOf(d), d.name, idOf(d)]));
    const pkg = loadBuiltPackage<typeof import("../../provider")>();
    const providerText: Record<string, string> = { [TYPE]: pkg.CUSTOMER_COMMIT_PROVIDER_TEXT, [CREDIT_TYPE]: pkg.CUSTOMER_CREDIT_PROVIDER_TEXT };
    for (const r of file.resources) {
      expect(r.inputs.__provider).toBe(providerText[r.type]);
      expect(r.outputs.__provider).toBe(providerText[r.type]);
    }
    // Credits without a key in Metronome carry the key CustomerCredit derives (scoped to credits).
    const promo = file.resources.find((r) => r.id === seeded.credits.promo);
    expect(promo?.inputs.uniquenessKey).toMatch(new RegExp(`^imported/${STACK}/support-retainer-[0-9a-f]{8}#[0-9a-f]{16}$`));

    await clearRequests();
    // The engine loads the project's language plugin; the test serves it in-process.
    const imported = await stack.cli(["import", "--file", importFile, "--generate-code=false", "--yes"], { languageHost: true });
    expect(imported.code, imported.stderr + imported.stdout).toBe(0);
    expect(imported.stdout).not.toMatch(/warning|error/i);
    expect(await requests()).toEqual([]);
    const state = await stack.resources(TYPE);
    expect(state.map((r) => r.id).sort()).toEqual(commits.map((d) => d.args.existingCommitId).sort());
    expect(state.find((r) => r.id === seeded.commits.prepaid)?.outputs?.uniquenessKey).toBe("acme-order-form-2027");
    const creditState = await stack.resources(CREDIT_TYPE);
    expect(creditState.map((r) => r.id).sort()).toEqual(credits.map((d) => d.args.existingCreditId).sort());
    expect(creditState.find((r) => r.id === seeded.credits.sla)?.outputs?.uniquenessKey).toBe("acme-sla-2027-q1");
  });

  it("pulumi preview of the declarations then shows no changes", async () => {
    stack.setProgram(programFrom(generated));
    await clearRequests();
    const { result, events } = await stack.preview();
    expect(diagnostics(events, "error")).toEqual([]);
    expect(result.changeSummary).toEqual({ same: declared.length + 1 });
    expect(await requests()).toEqual([]);
  });

  it("pulumi refresh finds no drift and writes nothing", async () => {
    await clearRequests();
    const { result, events } = await stack.refresh();
    expect(result.summary.result).toBe("succeeded");
    expect(changeSummary(events)).toEqual({ same: declared.length + 1 });
    expect(await writes()).toEqual([]);
    expect((await stack.preview()).result.changeSummary).toEqual({ same: declared.length + 1 });
  });

  it("an edit in the code updates an imported commit and an imported credit in place", async () => {
    const edited = generated
      .replace(/(new CustomerCommit\("onboarding-credit"[\s\S]*?priority: )10,/, (_m, head: string) => `${head}15,`)
      .replace(/(new CustomerCredit\("credit-[0-9a-f]{8}"[\s\S]*?priority: )30,/, (_m, head: string) => `${head}31,`);
    expect(edited.split("\n").filter((line, i) => line !== generated.split("\n")[i])).toHaveLength(2);
    stack.setProgram(programFrom(edited));
    await clearRequests();
    const { result } = await stack.up();
    expect(result.summary.resourceChanges).toEqual({ same: declared.length - 1, update: 2 });
    expect((await writes()).map((r) => `${r.method} ${r.path} ${r.status}`).sort()).toEqual([
      "POST /v2/contracts/commits/edit 200",
      "POST /v2/contracts/credits/edit 200",
    ]);
    expect((await client.commits.get(seeded.customers.acme, seeded.commits.freeCredit as string))?.priority).toBe(15);
    expect((await client.credits.get(seeded.customers.globex, seeded.credits.namelessCredit as string))?.priority).toBe(31);
    const state = await stack.resources(TYPE);
    expect(state.map((r) => r.id).sort()).toEqual(commits.map((d) => d.args.existingCommitId).sort());
    expect((await stack.resources(CREDIT_TYPE)).map((r) => r.id).sort()).toEqual(credits.map((d) => d.args.existingCreditId).sort());
  });

  it("import for the same stack skips every commit and credit it now manages, from the stack or from an exported state", async () => {
    const fromStack = await generator([...customerArgs(), "--stack", STACK]);
    expect(fromStack.code, fromStack.stderr).toBe(0);
    expect(fromStack.stderr).toContain(`Wrote 0 CustomerCommit declarations and 0 CustomerCredit declarations`);
    expect(fromStack.stderr).toContain(`${commits.length} commits and ${credits.length} credits the stack already manages skipped`);
    expect(declaredResources(fromStack.stdout)).toEqual([]);
    expect(fromStack.stdout).toMatch(/live commits? skipped \(the stack already manages (it|them)\)/);
    expect(fromStack.stdout).toMatch(/live credits? skipped \(the stack already manages (it|them)\)/);
    expect(fromStack.stdout).not.toContain('from "pulumi-metronome"');

    const exported = path.join(dir, "state.json");
    fs.writeFileSync(exported, JSON.stringify(await stack.exportStack()));
    const fromFile = await runImport([...customerArgs(), "--state", exported], {
      METRONOME_BEARER_TOKEN: TOKEN,
      METRONOME_BASE_URL: emulator.url,
    });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(declaredResources(fromFile.stdout)).toEqual([]);
    expect(fromFile.stdout).toBe(fromStack.stdout);
  });
});
