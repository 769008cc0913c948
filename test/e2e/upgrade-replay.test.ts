/**
 * Upgrade replay: state written by an earlier release (one directory per
 * release under test/fixtures/upgrade/, made by its capture.cjs) is imported
 * into a fresh stack, next to the Metronome data it was written against, and
 * the same declarations are run with the current code. An upgrade must be
 * invisible: no replace or delete in preview, zero writes to Metronome on
 * `up`, and no drift on `refresh`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltEmulator, loadBuiltPackage } from "../helpers/built-package";
import { TEST_EMULATOR_OPTIONS } from "../helpers/emulator-options";
import { type Engine, type TestStack, changeSummary, createEngine, diagnostics, steps } from "../helpers/engine";
import { REPO_ROOT } from "../helpers/repo";
import { apiWrites, clearApiRequests } from "../helpers/request-log";

type Pkg = typeof import("../../provider");
const { CustomerCommit } = loadBuiltPackage<Pkg>();
const { startEmulator } = loadBuiltEmulator<typeof import("../../emulator")>();
type Args = import("../../provider").CustomerCommitArgs;

const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const TIMEOUT = 240_000;
const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "upgrade");

interface Declarations {
  project: string;
  stack: string;
  token: string;
  commits: Array<{ name: string; args: Args }>;
}

const releases = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(FIXTURES, d.name, "stack.json")))
  .map((d) => d.name)
  .sort();

/**
 * A step that changes nothing in Metronome. `same`, or an `update` whose only
 * difference is the serialized provider text (`__provider`), which a release
 * may shrink: the update then reads the commit and sends nothing.
 */
function isQuiet(step: { op?: string; diffs?: string[] }): boolean {
  if (step.op === "same") return true;
  return step.op === "update" && (step.diffs ?? []).every((d) => d === "__provider");
}

it("there is at least one upgrade fixture", () => {
  expect(releases.length).toBeGreaterThan(0);
});

describe.each(releases)("state written by release %s", { timeout: TIMEOUT }, (release) => {
  const dir = path.join(FIXTURES, release);
  const declarations = JSON.parse(fs.readFileSync(path.join(dir, "declarations.json"), "utf8")) as Declarations;
  let tmp: string;
  let emulator: { url: string; close(): Promise<void> };
  let engine: Engine;
  let s: TestStack;
  let ids: Map<string, string>;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pm-upgrade-"));
    const dataFile = path.join(tmp, "metronome.json");
    fs.copyFileSync(path.join(dir, "metronome.json"), dataFile);
    emulator = await startEmulator({ ...TEST_EMULATOR_OPTIONS, bearerToken: declarations.token, dataFile });
    // The capture passed credentials through the environment: the same (empty)
    // stack config here, so nothing but the code differs.
    engine = await createEngine({ env: { METRONOME_BEARER_TOKEN: declarations.token, METRONOME_BASE_URL: emulator.url } });
    s = await engine.newStack(
      async () => {
        for (const c of declarations.commits) new CustomerCommit(c.name, c.args);
      },
      { stackName: declarations.stack, projectName: declarations.project },
    );
    const imported = await s.cli(["stack", "import", "--file", path.join(dir, "stack.json")]);
    if (imported.code !== 0) throw new Error(`stack import failed: ${imported.stderr}`);
    ids = new Map((await s.resources(TYPE)).map((r) => [r.urn.split("::").pop()!, r.id!]));
    await clearApiRequests(emulator.url);
  }, TIMEOUT);

  afterAll(async () => {
    await engine?.cleanup();
    await emulator?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("the fixture holds every declared commit", () => {
    expect([...ids.keys()].sort()).toEqual(declarations.commits.map((c) => c.name).sort());
  });

  it("preview plans no create, replace or delete", async () => {
    const { events } = await s.preview();
    expect(diagnostics(events, "error")).toEqual([]);
    const planned = steps(events, TYPE);
    expect(planned).toHaveLength(declarations.commits.length);
    expect(planned.filter((m) => !isQuiet(m)).map((m) => `${m.op} ${m.urn} ${m.diffs}`)).toEqual([]);
    expect(await apiWrites(emulator.url)).toEqual([]);
  });

  it("up writes nothing to Metronome and keeps every commit and key", async () => {
    const before = new Map((await s.resources(TYPE)).map((r) => [r.id, r.outputs?.uniquenessKey]));
    const { result, events } = await s.up();
    expect(result.summary.result).toBe("succeeded");
    expect(steps(events, TYPE).filter((m) => !isQuiet(m)).map((m) => `${m.op} ${m.urn}`)).toEqual([]);
    expect(await apiWrites(emulator.url)).toEqual([]);
    const after = await s.resources(TYPE);
    expect(new Map(after.map((r) => [r.id, r.outputs?.uniquenessKey]))).toEqual(before);
  });

  it("refresh finds no drift", async () => {
    const { result, events } = await s.refresh();
    expect(result.summary.result).toBe("succeeded");
    const summary = changeSummary(events);
    expect(summary).toEqual({ same: declarations.commits.length + 1 }); // + the stack
    expect(await apiWrites(emulator.url)).toEqual([]);
  });
});
