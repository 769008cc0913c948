/**
 * Token hygiene (docs/design.md, decision 2): the Metronome bearer
 * token, given as the secret stack config `metronome:bearerToken`, appears
 * nowhere a user, a CI log or a state backend could show it. A stack goes
 * through up, an in-place update, failed operations (a 400 from Metronome on
 * an edit, a 401 after the token is rotated to a wrong one, an archive
 * refused because of finalized invoices), `preview --json`, refresh and
 * destroy; then the test searches, for the token in clear and in base64:
 *   - every file the engine wrote: the backend's state, history, backups and
 *     locks (`.pulumi/**`), the stack config files and PULUMI_HOME;
 *   - the checkpoint with secrets decrypted (`stack export --show-secrets`):
 *     the token is not stored in state even encrypted;
 *   - every operation's stdout and stderr, every engine event (as JSON), the
 *     raw `preview --json` document, and every error message.
 * The whole scenario runs twice: with the token as secret stack config (the
 * documented way), and with it in METRONOME_BEARER_TOKEN only. The CLI masks
 * the values of secret config in what it prints and emits ("[secret]"), so
 * the first run alone could not tell a provider that prints the token from
 * one that does not; with the environment variable nothing masks it, and
 * only the provider's own care keeps it out.
 * A token in plain (non-secret) config is refused before anything is sent.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import Metronome from "@metronome/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { TEST_EMULATOR_OPTIONS } from "../helpers/emulator-options";
import { loadBuiltPackage } from "../helpers/built-package";
import { type Engine, EngineOpError, type OpRun, type PulumiFn, type TestStack, createEngine } from "../helpers/engine";

type Pkg = typeof import("../../provider");
const { CustomerCommit } = loadBuiltPackage<Pkg>();
type Args = import("../../provider").CustomerCommitArgs;

const TIMEOUT = 240_000;
const YEAR = { startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" };
const EDIT = "/v2/contracts/commits/edit";

/** Recognizable, and unique per run so nothing stale can match. */
const TOKEN = `sk_live_tokenhygiene_${randomBytes(12).toString("hex")}`;
/** The token after a botched rotation: also secret, also never to be shown. */
const WRONG_TOKEN = `sk_live_tokenhygiene_rotated_${randomBytes(12).toString("hex")}`;
const NEEDLES = [TOKEN, WRONG_TOKEN].flatMap((t) => [t, Buffer.from(t).toString("base64"), Buffer.from(`Bearer ${t}`).toString("base64")]);

/** The needles found in `text` (empty: clean). */
const found = (text: string): string[] => NEEDLES.filter((n) => text.includes(n));

interface Metronomeland {
  url: string;
  sdk: Metronome;
  customerId: string;
  contractId: string;
  productId: string;
  control(p: string, body?: unknown, method?: string): Promise<unknown>;
  close(): Promise<void>;
}

/** The emulator accepting only `token`, with one customer, contract and product. */
async function metronomeWithToken(token: string): Promise<Metronomeland> {
  const emulator = await startEmulator({ ...TEST_EMULATOR_OPTIONS, bearerToken: token });
  const sdk = new Metronome({ bearerToken: token, baseURL: emulator.url, maxRetries: 0 });
  const product = await sdk.v1.contracts.products.create({ name: "Commit product", type: "FIXED" });
  const customer = await sdk.v1.customers.create({ name: "Hygiene Inc" });
  const contract = await sdk.v1.contracts.create({ customer_id: customer.data.id, starting_at: "2027-01-01T00:00:00Z" });
  return {
    url: emulator.url,
    sdk,
    customerId: customer.data.id,
    contractId: contract.data.id,
    productId: product.data.id,
    async control(p, body, method = "POST") {
      const response = await fetch(`${emulator.url}/_emulator/${p}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} /_emulator/${p}: ${response.status}`);
      const text = await response.text();
      return text === "" ? undefined : JSON.parse(text);
    },
    close: () => emulator.close(),
  };
}

function program(commits: Record<string, Args>): PulumiFn {
  return async () => {
    for (const [name, args] of Object.entries(commits)) new CustomerCommit(name, args);
  };
}

/** Every regular file under `dir` (symlinks, e.g. to the CLI binary, not followed). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

type Source = "secret stack config" | "METRONOME_BEARER_TOKEN";

describe.each<Source>(["secret stack config", "METRONOME_BEARER_TOKEN"])("the bearer token from %s never leaves the plugin", { timeout: TIMEOUT }, (source) => {
  const fromConfig = source === "secret stack config";
  let engine: Engine;
  let metronome: Metronomeland;
  let s: TestStack;
  /** Everything the operations printed, emitted or threw, labelled. */
  const transcripts: Array<{ what: string; text: string }> = [];

  /** The decrypted checkpoint while the commits still exist (taken before destroy). */
  let checkpoint: { resources: Array<Record<string, unknown> & { type: string }> };

  const record = (what: string, run: OpRun<unknown>) => {
    transcripts.push({ what: `${what} stdout`, text: run.stdout });
    transcripts.push({ what: `${what} stderr`, text: run.stderr });
    transcripts.push({ what: `${what} events`, text: JSON.stringify(run.events) });
    // The Automation API fills `summary.config` from `pulumi stack history
    // --show-secrets` unless the caller passes `showSecrets: false`: the stack
    // config, decrypted, handed back to the program that set it. That is the
    // SDK's doing (and our own config), so it is checked apart and left out.
    const result = run.result as { summary?: { config?: Record<string, { value: string; secret: boolean }> } };
    const config = { ...result.summary?.config };
    if (config["metronome:bearerToken"] !== undefined) {
      expect(config["metronome:bearerToken"]).toEqual({ value: TOKEN, secret: true });
      delete config["metronome:bearerToken"];
    }
    transcripts.push({ what: `${what} result`, text: JSON.stringify({ ...result, summary: { ...result.summary, config } }) });
  };
  /** Runs an operation expected to fail; records all it produced; returns its error. */
  const failing = async (what: string, op: Promise<OpRun<unknown>>): Promise<EngineOpError> => {
    const error = await op.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, `${what} should fail`).toBeInstanceOf(EngineOpError);
    const e = error as EngineOpError;
    transcripts.push({ what: `${what} stdout`, text: e.stdout });
    transcripts.push({ what: `${what} stderr`, text: e.stderr });
    transcripts.push({ what: `${what} events`, text: JSON.stringify(e.events) });
    transcripts.push({ what: `${what} message`, text: `${e.message}\n${String(e.stack)}\n${e.errors.join("\n")}` });
    const cause = e.cause as { message?: string; stack?: string; stdout?: string; stderr?: string } | undefined;
    transcripts.push({ what: `${what} cause`, text: [cause?.message, cause?.stack, cause?.stdout, cause?.stderr].join("\n") });
    return e;
  };

  const commitA = (overrides: Partial<Args> = {}): Args => ({
    customerId: metronome.customerId,
    type: "PREPAID",
    productId: metronome.productId,
    priority: 100,
    name: "Hygiene A",
    accessSchedule: { scheduleItems: [{ amount: 1_000_000, ...YEAR }] },
    invoiceContractId: metronome.contractId,
    invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    ...overrides,
  });
  const commitB = (overrides: Partial<Args> = {}): Args => commitA({ name: "Hygiene B", priority: 200, ...overrides });

  beforeAll(async () => {
    [engine, metronome] = await Promise.all([
      createEngine(fromConfig ? {} : { env: { METRONOME_BEARER_TOKEN: TOKEN } }),
      metronomeWithToken(TOKEN),
    ]);
    s = await engine.newStack(program({ a: commitA(), b: commitB() }), {
      stackName: "hygiene",
      projectName: "tokens",
      config: { "metronome:baseUrl": metronome.url },
      secretConfig: fromConfig ? { "metronome:bearerToken": TOKEN } : {},
    });
  }, TIMEOUT);

  afterAll(async () => {
    await metronome?.close();
    await engine?.cleanup();
  });

  it("runs up, update, failures, preview --json, refresh and destroy", async () => {
    // up, then an in-place update.
    record("up", await s.up());
    s.setProgram(program({ a: commitA({ name: "Hygiene A (renamed)" }), b: commitB() }));
    record("update", await s.up());
    const live = await metronome.sdk.v1.customers.commits.list({ customer_id: metronome.customerId });
    expect(live.data.map((c) => c.name).sort()).toEqual(["Hygiene A (renamed)", "Hygiene B"]);
    const idOf = (name: string) => live.data.find((c) => c.name === name)!.id;

    // A 400 from Metronome on an edit.
    await metronome.control("faults", { path: EDIT, kind: "status", status: 400 });
    s.setProgram(program({ a: commitA({ name: "Hygiene A (refused)" }), b: commitB() }));
    const refusedEdit = await failing("update refused with 400", s.up());
    expect(refusedEdit.errors.join("\n")).toMatch(/400/);

    // Metronome answers 401. With config: a rotation gone wrong (an `up` with
    // a change: refresh and destroy would still use the token stored with the
    // default provider in state, see below; `up` reconfigures it). With the
    // environment: the emulator answers 401 itself.
    if (fromConfig) await s.stack.setConfig("metronome:bearerToken", { value: WRONG_TOKEN, secret: true });
    else await metronome.control("faults", { path: EDIT, kind: "status", status: 401 });
    s.setProgram(program({ a: commitA({ name: "Hygiene A (unauthorized)" }), b: commitB() }));
    const unauthorized = await failing("update refused with 401", s.up());
    expect(unauthorized.errors.join("\n")).toMatch(/401|unauthori[sz]ed/i);
    if (fromConfig) await s.stack.setConfig("metronome:bearerToken", { value: TOKEN, secret: true });

    // An archive refused: B's invoices are finalized, and B leaves the program.
    await metronome.control("finalize-invoices", { commit_id: idOf("Hygiene B") });
    s.setProgram(program({ a: commitA({ name: "Hygiene A (renamed)" }) }));
    const refusedArchive = await failing("delete refused (finalized invoices)", s.up());
    expect(refusedArchive.errors.join("\n")).toContain(idOf("Hygiene B"));

    // preview --json, raw, with a replacement and a delete in the plan.
    s.setProgram(program({ a: commitA({ name: "Hygiene A (renamed)", netsuiteSalesOrderId: "SO-1" }) }));
    const preview = await s.cli(["preview", "--json", "--diff"], { inline: true });
    expect(preview.stdout).toContain('"steps"');
    transcripts.push({ what: "preview --json stdout", text: preview.stdout }, { what: "preview --json stderr", text: preview.stderr });
    const previewText = await s.preview({ diff: true });
    record("preview --diff", previewText);

    // Keep B in Metronome on removal, then refresh and destroy everything.
    s.setProgram(program({ a: commitA({ name: "Hygiene A (renamed)" }), b: commitB({ onDelete: "forget" }) }));
    record("up (onDelete forget)", await s.up());
    record("refresh", await s.refresh());
    checkpoint = (await s.exportStack()).deployment;
    record("destroy", await s.destroy());
    const after = await metronome.sdk.v1.customers.commits.list({ customer_id: metronome.customerId, include_archived: true });
    expect(after.data.map((c) => [c.name, c.archived_at === undefined ? "live" : "archived"]).sort()).toEqual([
      ["Hygiene A (renamed)", "archived"],
      ["Hygiene B", "live"],
    ]);
  });

  it("the token is in no file the engine wrote: state, history, backups, locks, config, PULUMI_HOME", async () => {
    const files = filesUnder(engine.dir);
    const stateRoot = path.join(new URL(engine.backendUrl).pathname, ".pulumi");
    const rel = files.map((f) => path.relative(stateRoot, f));
    // The search covered the stack's checkpoint, its history and its backups.
    expect(rel).toContain(path.join("stacks", "tokens", "hygiene.json"));
    expect(rel.filter((f) => f.startsWith(`history${path.sep}`)).length).toBeGreaterThan(5);
    expect(rel.filter((f) => f.startsWith(`backups${path.sep}`) || f.endsWith(".bak")).length).toBeGreaterThan(0);
    expect(files.some((f) => f.endsWith("Pulumi.hygiene.yaml"))).toBe(true);
    const dirty = files.filter((f) => found(fs.readFileSync(f).toString("latin1")).length > 0);
    expect(dirty.map((f) => path.relative(engine.dir, f))).toEqual([]);
  });

  // The engine stores the whole stack config as the inputs of the dynamic
  // provider's default provider resource (`pulumi:providers:pulumi-nodejs`),
  // secrets encrypted. That is the only place the token may be, and there
  // only as a ciphertext: never in a commit's inputs, outputs or __provider.
  it("in state, the token is at most the default provider's encrypted config, in no commit", async () => {
    expect(checkpoint.resources.filter((r) => r.type === "pulumi-nodejs:dynamic/metronome:CustomerCommit")).toHaveLength(2);
    const holders = checkpoint.resources.filter((r) => found(JSON.stringify(r)).length > 0);
    if (!fromConfig) {
      // Nothing in state holds it, not even encrypted.
      expect(holders).toEqual([]);
      return;
    }
    expect(holders.map((r) => r.type)).toEqual(["pulumi:providers:pulumi-nodejs"]);
    const [provider] = holders;
    const outside = { ...provider, inputs: { ...(provider!.inputs as object), "metronome:bearerToken": null }, outputs: { ...(provider!.outputs as object), "metronome:bearerToken": null } };
    expect(found(JSON.stringify(outside))).toEqual([]);

    // On disk the same value is a ciphertext (the last checkpoint that had the
    // provider: the destroy's backup of the stack file).
    const stateRoot = path.join(new URL(engine.backendUrl).pathname, ".pulumi");
    const withProvider = filesUnder(stateRoot)
      .filter((f) => f.endsWith(".json") || f.endsWith(".bak"))
      .map((f) => fs.readFileSync(f, "utf8"))
      .filter((t) => t.includes('"pulumi:providers:pulumi-nodejs"') && t.includes('"metronome:bearerToken"'));
    expect(withProvider.length).toBeGreaterThan(0);
    for (const text of withProvider) {
      const values = [...text.matchAll(/"metronome:bearerToken":\s*(\{[^}]*\})/g)].map((m) => JSON.parse(m[1]!));
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect(v).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) });
    }

    // The update history (as `pulumi stack history` shows it) holds no token either.
    const history = await s.stack.history(undefined, undefined, false);
    expect(history.length).toBeGreaterThan(5);
    expect(found(JSON.stringify(history))).toEqual([]);
  });

  it("the token is in no output, event, preview JSON or error message", () => {
    expect(transcripts.length).toBeGreaterThan(30);
    const dirty = transcripts.filter((t) => found(t.text).length > 0).map((t) => t.what);
    expect(dirty).toEqual([]);
  });
});

describe("a token in plain stack config", { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let metronome: Metronomeland;

  beforeAll(async () => {
    [engine, metronome] = await Promise.all([createEngine(), metronomeWithToken(TOKEN)]);
  }, TIMEOUT);
  afterAll(async () => {
    await metronome?.close();
    await engine?.cleanup();
  });

  it("is refused with an error telling to use --secret, before any request is sent", async () => {
    const args: Args = {
      customerId: metronome.customerId,
      type: "PREPAID",
      productId: metronome.productId,
      priority: 100,
      accessSchedule: { scheduleItems: [{ amount: 1_000, ...YEAR }] },
    };
    const s = await engine.newStack(program({ commit: args }), {
      stackName: "plain",
      projectName: "tokens",
      config: { "metronome:baseUrl": metronome.url, "metronome:bearerToken": TOKEN },
    });
    // The scanner would have seen it: plain config holds it in clear.
    const stackFile = filesUnder(s.workDir).find((f) => f.endsWith("Pulumi.plain.yaml"))!;
    expect(found(fs.readFileSync(stackFile, "utf8"))).toContain(TOKEN);

    await metronome.control("requests", undefined, "DELETE");
    for (const op of [() => s.preview(), () => s.up()]) {
      const error = await op().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EngineOpError);
      const text = `${(error as EngineOpError).stdout}\n${(error as EngineOpError).errors.join("\n")}`;
      expect(text).toContain("metronome:bearerToken is not a secret");
      expect(text).toContain("pulumi config set --secret metronome:bearerToken");
      // The refusal names the key, never the value.
      expect(found(text)).toEqual([]);
    }
    const { data } = (await metronome.control("requests", undefined, "GET")) as { data: unknown[] };
    expect(data).toEqual([]);
    expect(await s.resources("pulumi-nodejs:dynamic/metronome:CustomerCommit")).toEqual([]);
  });
});
