/**
 * A real `pulumi import` of existing commits, through the real engine:
 * commits made in Metronome (the emulator, seeded through the official SDK)
 * -> the built `pulumi-metronome import … --import-file import.json --stack`
 * writes the declarations and the import file -> `pulumi import --file
 * import.json --generate-code=false` puts the commits in state -> the
 * declarations run as the stack's program:
 *   1. the import sends not one request to Metronome;
 *   2. `pulumi preview` shows no changes (the state's inputs and `__provider`
 *      are exactly what the program declares);
 *   3. `pulumi refresh` finds no drift and writes nothing;
 *   4. an edit in the code updates the commit in place (same id, one edit);
 *   5. `import` run again for the same stack skips every commit the stack now
 *      manages, saying so, whether it reads the stack (`--stack`, which runs
 *      `pulumi stack export`) or an exported file (`--state`).
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
import { type Declared, declaredCommits, runImport } from "../cli/import/support";
import { programFrom, requestLog } from "./import-support";

const TIMEOUT = 300_000;
const TOKEN = "import-file-token";
const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const STACK = "billing";

describe("pulumi import of existing commits from the generated import file", { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let emulator: Emulator;
  let client: MetronomeClient;
  let seeded: Seeded;
  let stack: TestStack;
  let generated: string;
  let declared: Declared[];
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

  it("pulumi import takes every commit into state without a request to Metronome", async () => {
    const out = path.join(dir, "commits.ts");
    const importFile = path.join(dir, "import.json");
    const gen = await generator([...customerArgs(), "--out", out, "--import-file", importFile, "--stack", STACK]);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stderr).toContain("0 commits the stack already manages skipped");
    expect(gen.stderr).toContain(`pulumi import --file ${importFile} --generate-code=false`);
    generated = fs.readFileSync(out, "utf8");
    declared = declaredCommits(generated);
    expect(declared).toHaveLength(seeded.live.length);
    const file = JSON.parse(fs.readFileSync(importFile, "utf8")) as { resources: Array<Record<string, any>> };
    expect(file.resources.map((r) => [r.type, r.name, r.id])).toEqual(declared.map((d) => [TYPE, d.name, d.args.existingCommitId]));
    const providerText = loadBuiltPackage<typeof import("../../provider")>().CUSTOMER_COMMIT_PROVIDER_TEXT;
    for (const r of file.resources) {
      expect(r.inputs.__provider).toBe(providerText);
      expect(r.outputs.__provider).toBe(providerText);
    }

    await clearRequests();
    // The engine loads the project's language plugin; the test serves it in-process.
    const imported = await stack.cli(["import", "--file", importFile, "--generate-code=false", "--yes"], { languageHost: true });
    expect(imported.code, imported.stderr + imported.stdout).toBe(0);
    expect(imported.stdout).not.toMatch(/warning|error/i);
    expect(await requests()).toEqual([]);
    const state = await stack.resources(TYPE);
    expect(state.map((r) => r.id).sort()).toEqual(declared.map((d) => d.args.existingCommitId).sort());
    expect(state.find((r) => r.id === seeded.commits.prepaid)?.outputs?.uniquenessKey).toBe("acme-order-form-2027");
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

  it("an edit in the code updates the imported commit in place", async () => {
    const edited = generated.replace(/(new CustomerCommit\("onboarding-credit"[\s\S]*?priority: )10,/, (_m, head: string) => `${head}15,`);
    expect(edited).not.toBe(generated);
    stack.setProgram(programFrom(edited));
    await clearRequests();
    const { result } = await stack.up();
    expect(result.summary.resourceChanges).toEqual({ same: declared.length, update: 1 });
    expect((await writes()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["POST /v2/contracts/commits/edit 200"]);
    expect((await client.commits.get(seeded.customers.acme, seeded.commits.freeCredit as string))?.priority).toBe(15);
    const state = await stack.resources(TYPE);
    expect(state.map((r) => r.id).sort()).toEqual(declared.map((d) => d.args.existingCommitId).sort());
  });

  it("import for the same stack skips every commit it now manages, from the stack or from an exported state", async () => {
    const fromStack = await generator([...customerArgs(), "--stack", STACK]);
    expect(fromStack.code, fromStack.stderr).toBe(0);
    expect(fromStack.stderr).toContain(`Wrote 0 CustomerCommit declarations`);
    expect(fromStack.stderr).toContain(`${declared.length} commits the stack already manages skipped`);
    expect(declaredCommits(fromStack.stdout)).toEqual([]);
    expect(fromStack.stdout).toMatch(/live commits? skipped \(the stack already manages (it|them)\)/);

    const exported = path.join(dir, "state.json");
    fs.writeFileSync(exported, JSON.stringify(await stack.exportStack()));
    const fromFile = await runImport([...customerArgs(), "--state", exported], {
      METRONOME_BEARER_TOKEN: TOKEN,
      METRONOME_BASE_URL: emulator.url,
    });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(declaredCommits(fromFile.stdout)).toEqual([]);
    expect(fromFile.stdout).toBe(fromStack.stdout);
  });
});
