/**
 * Drives the real dynamic-provider plugin (`pulumi-resource-pulumi-nodejs`,
 * shipped in @pulumi/pulumi) over gRPC without the Pulumi CLI: the layer
 * between the runtime's own tests and the real engine (docs/pulumi-dynamic.md).
 *
 * The plugin is spawned the way the engine spawns it (the `/bin/sh` shim,
 * `node` on PATH, working directory = program directory, one engine-address
 * argument, `PULUMI_NODEJS_PROJECT` set), prints its port, and is then talked
 * to with the generated `ResourceProviderClient`. Requests and responses are
 * plain JS objects; `google.protobuf.Struct` conversion happens here, so the
 * Struct pitfalls (undefined, bigint, Date) reproduce exactly as in a real run.
 *
 * Usage:
 *   const host = await startPluginHost({ project: "proj" });
 *   const { text } = await serializeProvider(require("../fixtures/echo-provider.cjs").echoProvider);
 *   await host.configure({ "proj:storeDir": dir });
 *   const urn = resourceUrn("pulumi-nodejs:dynamic/echo:Echo", "a", { project: "proj" });
 *   const { inputs } = await host.check(urn, {}, { __provider: text, value: "x" });
 *   const { id, properties } = await host.create(urn, inputs);
 *   await host.close();
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";
import { PLUGIN_PATH, REPO_ROOT, ensureSelfLink } from "./repo";

const nodeRequire = createRequire(import.meta.url);

/** Pulumi's unknown-value sentinel, as it reaches check/diff during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export { PLUGIN_PATH };

// The generated gRPC stubs, and the grpc-js / google-protobuf instances they
// were built against (resolved from their own location, so message classes
// and Struct come from one copy of google-protobuf).
const grpcPbPath = nodeRequire.resolve("@pulumi/pulumi/proto/provider_grpc_pb");
const pbRequire = createRequire(grpcPbPath);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const grpc: Any = pbRequire("@grpc/grpc-js");
const providerGrpc: Any = pbRequire("./provider_grpc_pb");
const providerPb: Any = pbRequire("./provider_pb");
const structPb: Any = pbRequire("google-protobuf/google/protobuf/struct_pb");

/** Serializes a provider object exactly as `pulumi.dynamic.Resource` does; see serialize-provider.cjs. */
export const serializeProvider: (provider: object) => Promise<{ text: string; containsSecrets: boolean }> =
  nodeRequire("./serialize-provider.cjs").serializeProvider;

export type Props = Record<string, unknown>;

export interface CheckReply {
  inputs: Props;
  failures: { property: string; reason: string }[];
}

export type DiffChanges = "unknown" | "none" | "some";
export interface DiffReply {
  changes: DiffChanges;
  replaces: string[];
  stables: string[];
  deleteBeforeReplace: boolean;
  diffs: string[];
  /** Only a native provider can fill this; the dynamic shim never does. */
  detailedDiff: Record<string, { kind: number; inputDiff: boolean }>;
  hasDetailedDiff: boolean;
}

export interface ReadReply {
  /** "" when the provider reports the resource gone. */
  id: string;
  properties: Props;
  /** Present when the provider's read returned `inputs` (3.216+). */
  inputs?: Props;
}

/** A gRPC failure from the plugin: `code` is the gRPC status, `details` the provider's message. */
export interface PluginCallError extends Error {
  code?: number;
  details?: string;
}

export interface PluginHostOptions {
  /** Project name the plugin sees (config keys without ':' get this prefix). Default "project". */
  project?: string;
  /** Stack name the plugin sees. Default "stack". */
  stack?: string;
  /** Working directory = the program directory, where `require` resolves at run time. Default: repo root. */
  cwd?: string;
  /** Extra environment for the plugin process. */
  env?: Record<string, string>;
  /**
   * The plugin to start. Default: the repository's @pulumi/pulumi one. A
   * consumer project (test/helpers/packed-package.ts) passes its own, with
   * itself as `cwd`, to run another @pulumi/pulumi version's host.
   */
  pluginPath?: string;
  /** How long to wait for the port line. Default 30 s. */
  startTimeoutMs?: number;
}

export interface PluginHost {
  readonly port: number;
  readonly pid: number;
  /** Everything the plugin wrote after its port line (provider console output, errors). */
  output(): string;
  configure(config: Record<string, unknown>): Promise<{ acceptSecrets: boolean; supportsPreview: boolean }>;
  check(urn: string, olds: Props, news: Props): Promise<CheckReply>;
  diff(urn: string, id: string, olds: Props, news: Props, oldInputs?: Props): Promise<DiffReply>;
  create(urn: string, properties: Props, opts?: { preview?: boolean }): Promise<{ id: string; properties: Props }>;
  read(urn: string, id: string, properties: Props, inputs?: Props): Promise<ReadReply>;
  update(urn: string, id: string, olds: Props, news: Props, oldInputs?: Props): Promise<{ properties: Props }>;
  delete(urn: string, id: string, properties: Props, oldInputs?: Props): Promise<void>;
  /** Closes the channel and ends the plugin process group. Idempotent. */
  close(): Promise<void>;
}

/** A resource URN as the engine writes it. */
export function resourceUrn(type: string, name: string, opts: { project?: string; stack?: string } = {}): string {
  const project = opts.project ?? "project";
  const stack = opts.stack ?? "stack";
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

function toStruct(value: Props): Any {
  return structPb.Struct.fromJavaScript(value);
}

function fromStruct(struct: Any): Props {
  return struct ? (struct.toJavaScript() as Props) : {};
}

const DIFF_CHANGES: Record<number, DiffChanges> = { 0: "unknown", 1: "none", 2: "some" };

export async function startPluginHost(opts: PluginHostOptions = {}): Promise<PluginHost> {
  const project = opts.project ?? "project";
  const stack = opts.stack ?? "stack";
  const cwd = opts.cwd ?? REPO_ROOT;
  if (cwd === REPO_ROOT) ensureSelfLink();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The shim runs `node`: make it the node running the tests.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`,
    // What the engine sets for a dynamic-provider plugin (provider_plugin.go).
    PULUMI_NODEJS_PROJECT: project,
    PULUMI_PROJECT: project,
    PULUMI_NODEJS_STACK: stack,
    ...opts.env,
  };

  // detached: the shim is `/bin/sh` that starts node as its child, so the
  // whole process group has to be signalled on close.
  const child: ChildProcess = spawn(opts.pluginPath ?? PLUGIN_PATH, ["127.0.0.1:1"], {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });

  let buffered = "";
  let after = "";
  let port: number | undefined;
  const port$ = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`plugin printed no port within ${opts.startTimeoutMs ?? 30_000} ms; output:\n${buffered}`)),
      opts.startTimeoutMs ?? 30_000,
    );
    child.stdout!.setEncoding("utf8");
    child.stderr!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      if (port !== undefined) {
        after += chunk;
        return;
      }
      buffered += chunk;
      const nl = buffered.indexOf("\n");
      if (nl >= 0) {
        const line = buffered.slice(0, nl).trim();
        const n = Number(line);
        if (!Number.isInteger(n) || n <= 0) {
          clearTimeout(timer);
          reject(new Error(`plugin printed "${line}" instead of a port`));
          return;
        }
        port = n;
        after += buffered.slice(nl + 1);
        clearTimeout(timer);
        resolve(n);
      }
    });
    child.stderr!.on("data", (chunk: string) => {
      if (port === undefined) buffered += chunk;
      else after += chunk;
    });
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (port === undefined) reject(new Error(`plugin exited (${code ?? signal}) before printing a port:\n${buffered}`));
    });
  });

  let exited = child.exitCode !== null;
  const exit$ = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));

  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };

  let resolvedPort: number;
  try {
    resolvedPort = await port$;
  } catch (err) {
    killGroup("SIGKILL");
    throw err;
  }

  const client: Any = new providerGrpc.ResourceProviderClient(
    `127.0.0.1:${resolvedPort}`,
    grpc.credentials.createInsecure(),
  );

  const call = <T>(method: string, req: Any, map: (res: Any) => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      client[method](req, (err: Any, res: Any) => {
        if (err) {
          const e = new Error(`${method}: ${err.details ?? err.message}`) as PluginCallError;
          e.code = err.code;
          e.details = err.details;
          reject(e);
          return;
        }
        try {
          resolve(map(res));
        } catch (mapErr) {
          reject(mapErr);
        }
      });
    });

  let closed = false;
  const host: PluginHost = {
    port: resolvedPort,
    pid: child.pid!,
    output: () => after,

    async configure(config) {
      const req = new providerPb.ConfigureRequest();
      req.setArgs(toStruct(config as Props));
      const vars = req.getVariablesMap();
      for (const [k, v] of Object.entries(config)) vars.set(k, typeof v === "string" ? v : JSON.stringify(v));
      req.setAcceptsecrets(true);
      req.setAcceptresources(true);
      return call("configure", req, (res) => ({
        acceptSecrets: res.getAcceptsecrets() as boolean,
        supportsPreview: res.getSupportspreview() as boolean,
      }));
    },

    async check(urn, olds, news) {
      const req = new providerPb.CheckRequest();
      req.setUrn(urn);
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      return call("check", req, (res) => ({
        inputs: fromStruct(res.getInputs()),
        failures: (res.getFailuresList() as Any[]).map((f) => ({
          property: f.getProperty() as string,
          reason: f.getReason() as string,
        })),
      }));
    },

    async diff(urn, id, olds, news, oldInputs) {
      const req = new providerPb.DiffRequest();
      req.setUrn(urn);
      req.setId(id);
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      if (oldInputs) req.setOldInputs(toStruct(oldInputs));
      return call("diff", req, (res) => {
        const detailedDiff: DiffReply["detailedDiff"] = {};
        for (const [k, v] of res.getDetaileddiffMap().entries() as Iterable<[string, Any]>) {
          detailedDiff[k] = { kind: v.getKind(), inputDiff: v.getInputdiff() };
        }
        return {
          changes: DIFF_CHANGES[res.getChanges() as number] ?? "unknown",
          replaces: res.getReplacesList() as string[],
          stables: res.getStablesList() as string[],
          deleteBeforeReplace: res.getDeletebeforereplace() as boolean,
          diffs: res.getDiffsList() as string[],
          detailedDiff,
          hasDetailedDiff: res.getHasdetaileddiff() as boolean,
        };
      });
    },

    async create(urn, properties, createOpts) {
      const req = new providerPb.CreateRequest();
      req.setUrn(urn);
      req.setProperties(toStruct(properties));
      req.setPreview(createOpts?.preview ?? false);
      return call("create", req, (res) => ({ id: res.getId() as string, properties: fromStruct(res.getProperties()) }));
    },

    async read(urn, id, properties, inputs) {
      const req = new providerPb.ReadRequest();
      req.setUrn(urn);
      req.setId(id);
      req.setProperties(toStruct(properties));
      if (inputs) req.setInputs(toStruct(inputs));
      return call("read", req, (res) => {
        const reply: ReadReply = { id: res.getId() as string, properties: fromStruct(res.getProperties()) };
        if (res.hasInputs()) reply.inputs = fromStruct(res.getInputs());
        return reply;
      });
    },

    async update(urn, id, olds, news, oldInputs) {
      const req = new providerPb.UpdateRequest();
      req.setUrn(urn);
      req.setId(id);
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      if (oldInputs) req.setOldInputs(toStruct(oldInputs));
      return call("update", req, (res) => ({ properties: fromStruct(res.getProperties()) }));
    },

    async delete(urn, id, properties, oldInputs) {
      const req = new providerPb.DeleteRequest();
      req.setUrn(urn);
      req.setId(id);
      req.setProperties(toStruct(properties));
      if (oldInputs) req.setOldInputs(toStruct(oldInputs));
      return call("delete", req, () => undefined);
    },

    async close() {
      if (closed) return;
      closed = true;
      client.close();
      if (!exited) {
        killGroup("SIGTERM");
        const timer = setTimeout(() => killGroup("SIGKILL"), 3_000);
        await exit$;
        clearTimeout(timer);
      }
    },
  };
  return host;
}
