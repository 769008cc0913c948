/**
 * Runs inline Pulumi programs against the real engine (the `pulumi` CLI built
 * by scripts/ensure-pulumi.sh) and the real dynamic-provider plugin, fully
 * offline and isolated per test (docs/pulumi-dynamic.md, "Running offline").
 *
 * Each engine gets a temporary directory holding a `file://` backend, a
 * private PULUMI_HOME and one work directory per stack. Programs are inline
 * Automation API programs (`--client`), so no `pulumi-language-nodejs` is
 * needed: only `pulumi`, `pulumi-resource-pulumi-nodejs` and `node`.
 *
 * The program directory (project `main`) is the repository root unless a
 * stack says otherwise. The engine starts the dynamic-provider plugin there,
 * so `@pulumi/pulumi` and `pulumi-metronome` (node_modules/pulumi-metronome
 * links to the checkout) resolve for the serialized provider at run time. It
 * is set explicitly, so the tests do not depend on process.cwd().
 *
 * Usage:
 *   const engine = await createEngine();
 *   const s = await engine.newStack(() => { echoResource("a", { value: "x" }); },
 *                                   { config: { storeDir: dir }, secretConfig: { token: "t" } });
 *   const { result, events } = await s.up();
 *   expect(result.summary.resourceChanges?.create).toBe(2);
 *   const { stdout } = await s.preview({ diff: true });
 *   const digest = await s.previewJson();            // real `pulumi preview --json`
 *   const state = await s.resources("pulumi-nodejs:dynamic/echo:Echo");
 *   await s.destroy();
 *   await engine.cleanup();
 *
 * Objects from the Automation API and the program's `@pulumi/pulumi` come
 * from Node's own require (one module instance, outside vitest's transform).
 */
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type * as automation from "@pulumi/pulumi/automation";
import { requireBuilt } from "./built-package";
import { REPO_ROOT, ensureSelfLink } from "./repo";

const nodeRequire = createRequire(import.meta.url);
const auto: typeof automation = nodeRequire("@pulumi/pulumi/automation");
const offline: typeof import("../../scripts/lib/offline-pulumi") = requireBuilt("./dist/scripts/lib/offline-pulumi.js");

export type PulumiFn = automation.PulumiFn;
export type EngineEvent = automation.EngineEvent;
export type Stack = automation.Stack;
export type LocalWorkspace = automation.LocalWorkspace;
export type PulumiCommand = automation.PulumiCommand;

/** Passphrase of every test stack's secrets provider. */
export const TEST_PASSPHRASE = "pulumi-metronome-tests";

// ---------------------------------------------------------------------------
// The CLI

let cliPathPromise: Promise<string> | undefined;

/**
 * Path of the `pulumi` binary: $PULUMI_METRONOME_CLI (set by scripts/run.sh),
 * else whatever `bash scripts/ensure-pulumi.sh` yields (a cached build, a
 * pulumi on PATH, or a build from Go modules, which takes minutes cold).
 */
export function resolveCliPath(): Promise<string> {
  cliPathPromise ??= (async () => {
    const fromEnv = process.env.PULUMI_METRONOME_CLI;
    if (fromEnv) {
      try {
        fs.accessSync(fromEnv, fs.constants.X_OK);
        return fromEnv;
      } catch {
        throw new Error(`PULUMI_METRONOME_CLI=${fromEnv} is not an executable file`);
      }
    }
    const dir = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        "bash",
        [path.join(REPO_ROOT, "scripts", "ensure-pulumi.sh")],
        { cwd: REPO_ROOT, maxBuffer: 1 << 20 },
        (err, stdout) => (err ? reject(new Error(`scripts/ensure-pulumi.sh failed: ${err.message}`)) : resolve(stdout.trim())),
      );
      child.stderr?.pipe(process.stderr);
    });
    return path.join(dir, "pulumi");
  })();
  cliPathPromise.catch(() => (cliPathPromise = undefined));
  return cliPathPromise;
}

// ---------------------------------------------------------------------------
// Engine

export interface EngineOptions {
  /** Extra environment for every CLI run (and so for the plugin process). */
  env?: Record<string, string>;
  /** Skip the Automation API's CLI version check (only for an unstamped CLI). */
  skipVersionCheck?: boolean;
  /** Keep the temp directory on cleanup (also: PULUMI_METRONOME_KEEP_ENGINE_DIRS=1). */
  keep?: boolean;
}

export interface NewStackOptions {
  /** Default "test". Unique per project in an engine. */
  stackName?: string;
  /** Default "harness". Config keys without ':' are namespaced with it. */
  projectName?: string;
  /** Plain stack config, e.g. `{ storeDir: "/tmp/x", "metronome:baseUrl": url }`. */
  config?: Record<string, string>;
  /** Secret stack config (encrypted with the passphrase in Pulumi.<stack>.yaml and in state). */
  secretConfig?: Record<string, string>;
  /** Program directory = the plugin's working directory. Default: the repository root. */
  programDir?: string;
}

/** What an operation returns: the Automation API result plus everything it emitted. */
export interface OpRun<R> {
  result: R;
  stdout: string;
  stderr: string;
  events: EngineEvent[];
}

/** Thrown when an operation fails; carries what it printed and emitted before failing. */
export class EngineOpError extends Error {
  constructor(
    readonly op: string,
    override readonly cause: unknown,
    readonly stdout: string,
    readonly stderr: string,
    readonly events: EngineEvent[],
  ) {
    super(`pulumi ${op} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "EngineOpError";
  }
  /** Error-severity diagnostics from the engine and the provider. */
  get errors(): string[] {
    return diagnostics(this.events, "error");
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** One step of `pulumi preview --json` (docs/pulumi-dynamic.md). */
export interface PreviewStep {
  op: string;
  urn: string;
  provider?: string;
  oldState?: { type: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
  newState?: { type: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
  diffReasons?: string[];
  replaceReasons?: string[];
  detailedDiff?: Record<string, { kind: string; inputDiff: boolean }> | null;
}

/** The document `pulumi preview --json` prints. */
export interface PreviewDigest {
  config?: Record<string, string>;
  steps?: PreviewStep[];
  diagnostics?: { urn?: string; prefix?: string; message: string; severity: string }[];
  duration?: number;
  changeSummary?: Record<string, number>;
  maybeCorrupt?: boolean;
}

/** A resource as stored in the stack's checkpoint (`pulumi stack export`). */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  custom?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface TestStack {
  readonly stack: Stack;
  readonly workspace: LocalWorkspace;
  readonly name: string;
  readonly projectName: string;
  /** Holds Pulumi.yaml and Pulumi.<stack>.yaml; the CLI's --cwd. */
  readonly workDir: string;
  /** Replaces the program used by every later operation (up, preview, refresh, destroy, cli). */
  setProgram(program: PulumiFn): void;
  up(opts?: automation.UpOptions): Promise<OpRun<automation.UpResult>>;
  /** `preview({ diff: true })` puts the `pulumi preview --diff` text in stdout. */
  preview(opts?: automation.PreviewOptions): Promise<OpRun<automation.PreviewResult>>;
  refresh(opts?: automation.RefreshOptions): Promise<OpRun<automation.RefreshResult>>;
  destroy(opts?: automation.DestroyOptions): Promise<OpRun<automation.DestroyResult>>;
  /** The checkpoint, secrets decrypted (`pulumi stack export --show-secrets`). */
  exportStack(): Promise<automation.Deployment>;
  /** Resources in the checkpoint, optionally of one type. */
  resources(type?: string): Promise<StateResource[]>;
  /**
   * Runs the CLI against this stack (`--stack`, `--non-interactive`, the
   * stack's env and work directory). With `inline: true` the current program
   * is served in-process and `--client` / `--exec-kind auto.inline` are added,
   * as the Automation API does for up/preview/refresh/destroy. Never throws
   * on a non-zero exit; check `code`. Commands that load the language plugin
   * but take no `--client` (`pulumi import`) get the same in-process server
   * with `languageHost: true`, through PULUMI_DEBUG_LANGUAGES.
   */
  cli(args: string[], opts?: { inline?: boolean; languageHost?: boolean }): Promise<CliRun>;
  /** Real `pulumi preview --json` output, parsed. Throws if the CLI printed no JSON. */
  previewJson(extraArgs?: string[]): Promise<PreviewDigest & { exitCode: number; stderr: string }>;
}

export interface Engine {
  /** Temp directory holding state/, home/, cli/ and one work dir per stack. */
  readonly dir: string;
  readonly backendUrl: string;
  readonly pulumiHome: string;
  /** The real `pulumi` binary. */
  readonly cliPath: string;
  readonly command: PulumiCommand;
  /** The environment every CLI run gets on top of process.env (PULUMI_HOME included). */
  readonly env: Readonly<Record<string, string>>;
  newStack(program: PulumiFn, opts?: NewStackOptions): Promise<TestStack>;
  /**
   * Runs the CLI on this engine's backend, not tied to one stack (e.g.
   * `state move --source a --dest b`), in `cwd` (default: the engine's
   * directory). Never throws on a non-zero exit; check `code`.
   */
  cli(args: string[], cwd?: string): Promise<CliRun>;
  /** Removes the temp directory (unless kept). Idempotent. */
  cleanup(): Promise<void>;
}

export async function createEngine(opts: EngineOptions = {}): Promise<Engine> {
  ensureSelfLink();
  const cliPath = await resolveCliPath();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-engine-"));
  // The same offline settings the demo and the benchmark use (built module).
  const { command, env, backendUrl, pulumiHome } = await offline.offlinePulumi({
    cliPath,
    dir,
    passphrase: TEST_PASSPHRASE,
    env: {
      ...(opts.skipVersionCheck ? { PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true" } : {}),
      ...opts.env,
    },
  });
  const keep = opts.keep ?? process.env.PULUMI_METRONOME_KEEP_ENGINE_DIRS === "1";
  const names = new Set<string>();
  let cleaned = false;

  const engine: Engine = {
    dir,
    backendUrl,
    pulumiHome,
    cliPath,
    command,
    env,
    async newStack(program, stackOpts = {}) {
      const stackName = stackOpts.stackName ?? "test";
      const projectName = stackOpts.projectName ?? "harness";
      // One stack name per project (a renamed stack is opened again under its new project).
      const qualified = `${projectName}/${stackName}`;
      if (names.has(qualified)) throw new Error(`stack ${qualified} already exists in this engine`);
      names.add(qualified);
      let workDir = path.join(dir, `work-${stackName}`);
      if (fs.existsSync(workDir)) workDir = path.join(dir, `work-${projectName}-${stackName}`);
      fs.mkdirSync(workDir);
      const stack = await auto.LocalWorkspace.createOrSelectStack(
        { stackName, projectName, program },
        {
          workDir,
          pulumiHome,
          pulumiCommand: command,
          envVars: env,
          // Absolute main: the engine runs the program, and the plugin, there.
          projectSettings: offline.inlineProjectSettings(projectName, stackOpts.programDir ?? REPO_ROOT),
        },
      );
      const config: automation.ConfigMap = {};
      for (const [k, value] of Object.entries(stackOpts.config ?? {})) config[k] = { value };
      for (const [k, value] of Object.entries(stackOpts.secretConfig ?? {})) config[k] = { value, secret: true };
      if (Object.keys(config).length > 0) await stack.setAllConfig(config);
      return makeTestStack(stack, projectName, workDir, env);
    },
    cli: (args, cwd = dir) => spawnCli(command.command, [...args, "--non-interactive"], cwd, env),
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      if (keep) {
        process.stderr.write(`[engine] kept ${dir}\n`);
        return;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return engine;
}

// ---------------------------------------------------------------------------
// Stacks

function makeTestStack(stack: Stack, projectName: string, workDir: string, env: Record<string, string>): TestStack {
  const workspace = stack.workspace as LocalWorkspace;

  // Runs one Automation API operation with output and events captured.
  async function run<O extends { onOutput?: (s: string) => void; onError?: (s: string) => void; onEvent?: (e: EngineEvent) => void; color?: string }, R>(
    op: string,
    opts: O | undefined,
    fn: (o: O) => Promise<R>,
  ): Promise<OpRun<R>> {
    let stdout = "";
    let stderr = "";
    const events: EngineEvent[] = [];
    const o = {
      color: "never", // plain text for assertions
      ...opts,
      onOutput: (s: string) => ((stdout += s), opts?.onOutput?.(s)),
      onError: (s: string) => ((stderr += s), opts?.onError?.(s)),
      onEvent: (e: EngineEvent) => (events.push(e), opts?.onEvent?.(e)),
    } as O;
    try {
      const result = await fn(o);
      return { result, stdout, stderr, events };
    } catch (err) {
      throw new EngineOpError(op, err, stdout, stderr, events);
    }
  }

  const cli: TestStack["cli"] = async (args, cliOpts = {}) => {
    const fullArgs = [...args, "--stack", stack.name, "--non-interactive"];
    let stopServer: (() => void) | undefined;
    let runEnv = env;
    if (cliOpts.inline || cliOpts.languageHost) {
      const { port, stop } = await serveProgram(workspace.program);
      stopServer = stop;
      if (cliOpts.inline) fullArgs.push(`--client=127.0.0.1:${port}`, "--exec-kind", "auto.inline");
      else runEnv = { ...env, PULUMI_DEBUG_LANGUAGES: `nodejs:${port}` };
    }
    try {
      return await spawnCli(workspace.pulumiCommand.command, fullArgs, workDir, runEnv);
    } finally {
      stopServer?.();
    }
  };

  return {
    stack,
    workspace,
    name: stack.name,
    projectName,
    workDir,
    setProgram(program) {
      workspace.program = program;
    },
    up: (opts) => run("up", opts, (o) => stack.up(o)),
    preview: (opts) => run("preview", opts, (o) => stack.preview(o)),
    refresh: (opts) => run("refresh", opts, (o) => stack.refresh(o)),
    destroy: (opts) => run("destroy", opts, (o) => stack.destroy(o)),
    exportStack: () => stack.exportStack(),
    async resources(type) {
      const deployment = await stack.exportStack();
      const all: StateResource[] = deployment.deployment?.resources ?? [];
      return type ? all.filter((r) => r.type === type) : all;
    },
    cli,
    async previewJson(extraArgs = []) {
      const res = await cli(["preview", "--json", ...extraArgs], { inline: true });
      const start = res.stdout.indexOf("{");
      if (start < 0) {
        throw new Error(`pulumi preview --json printed no JSON (exit ${res.code}):\n${res.stdout}\n${res.stderr}`);
      }
      const digest = JSON.parse(res.stdout.slice(start)) as PreviewDigest;
      return { ...digest, exitCode: res.code, stderr: res.stderr };
    },
  };
}

// Serves an inline program to the CLI the way the Automation API does: a
// LanguageRuntime gRPC server in this process, passed as --client.
async function serveProgram(program: PulumiFn | undefined): Promise<{ port: number; stop: () => void }> {
  if (!program) throw new Error("this stack has no inline program");
  const pulumiRequire = createRequire(nodeRequire.resolve("@pulumi/pulumi/automation/server"));
  const grpc = pulumiRequire("@grpc/grpc-js");
  const { LanguageServer } = pulumiRequire("./server");
  const langrpc = pulumiRequire("../proto/language_grpc_pb");
  const { grpcChannelOptions } = pulumiRequire("../runtime");
  const server = new grpc.Server({ ...grpcChannelOptions });
  const languageServer = new LanguageServer(program);
  // An engine attaching through PULUMI_DEBUG_LANGUAGES first asks for a
  // handshake, which the Automation API's server does not answer.
  const langpb = pulumiRequire("../proto/language_pb");
  languageServer.handshake ??= (_call: unknown, callback: (err: null, res: unknown) => void) =>
    callback(null, new langpb.LanguageHandshakeResponse());
  server.addService(langrpc.LanguageRuntimeService, languageServer);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, p: number) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return {
    port,
    stop: () => {
      server.forceShutdown();
    },
  };
}

function spawnCli(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

// ---------------------------------------------------------------------------
// Event helpers

/** Diagnostic messages in `events`, optionally of one severity ("error", "warning", "info", "info#err"). */
export function diagnostics(events: EngineEvent[], severity?: string): string[] {
  return events
    .map((e) => e.diagnosticEvent)
    .filter((d): d is NonNullable<typeof d> => d !== undefined && (severity === undefined || d.severity === severity))
    .map((d) => d.message);
}

/** The step metadata of every resourcePreEvent (op, urn, type, diffs, detailedDiff, ...), optionally of one type. */
export function steps(events: EngineEvent[], type?: string): automation.StepEventMetadata[] {
  return events
    .map((e) => e.resourcePreEvent?.metadata)
    .filter((m): m is automation.StepEventMetadata => m !== undefined && (type === undefined || m.type === type));
}

/** The summary event's resource changes (create/update/same/delete/replace counts). */
export function changeSummary(events: EngineEvent[]): Record<string, number> {
  const summary = events.find((e) => e.summaryEvent)?.summaryEvent;
  return (summary?.resourceChanges ?? {}) as Record<string, number>;
}
