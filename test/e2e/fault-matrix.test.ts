/**
 * The fault matrix (money-safe under faults), first half: create
 * under every fault, and `pulumi up` killed after the create request is sent.
 * Through the real engine (source-built CLI, the real dynamic-provider plugin,
 * the serialized shim) against the emulator's fault injection (docs/design.md,
 * "The emulator's own control surface"). What every row asserts is listed in
 * fault-matrix.shared.ts; the other half is fault-matrix-writes.test.ts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Engine, EngineOpError, type TestStack, createEngine } from "../helpers/engine";
import {
  CREATE,
  type Fault,
  LIST,
  TIMEOUT,
  TYPE,
  arm,
  expectAgreement,
  expectNoOpRerun,
  nameOf,
  prepaid,
  resetEmulator,
  statuses,
  until,
  useMatrix,
} from "./fault-matrix.shared";

const m = useMatrix(8);

describe("create", { timeout: TIMEOUT }, () => {
  // The commit is applied, the answer never arrives: the provider looks the
  // key up and adopts the commit instead of sending the create again.
  it.each([
    ["lost response (drop-after-apply)", "lost", { path: CREATE, kind: "drop-after-apply" }, [0]],
    ["504 after apply", "gateway", { path: CREATE, kind: "status-after-apply", status: 504 }, [504]],
    // Refused before applying: found absent by key, so sent again, once.
    ["500 before apply", "error500", { path: CREATE, kind: "status", status: 500 }, [500, 200]],
    // Writes are retried on 429 only, honouring Retry-After (1 s each).
    ["429 ×3 with Retry-After: 1", "ratelimited", { path: CREATE, kind: "status", status: 429, retryAfterSeconds: 1, count: 3 }, [429, 429, 429, 200]],
  ] as Array<[string, string, Fault, number[]]>)("%s: one commit, adopted or created once", async (_label, stackName, fault, creates) => {
    const customer = m.freshCustomer();
    const s = await m.newStack(stackName, { commit: prepaid(m.world, customer) });
    await arm(m.world, fault);
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ create: 2 });
    expect(await statuses(m.world, CREATE)).toEqual(creates);
    const ids = await expectAgreement(m.world, s, customer, ["commit"]);
    expect((result.outputs.ids!.value as Record<string, string>).commit).toBe(ids.commit);
    expect(await m.world.control("faults", undefined, "GET")).toEqual({ data: [] }); // the fault was used
    await expectNoOpRerun(m.world, s, customer, ["commit"]);
  });

  // The answer is lost and Metronome cannot be read to look for the commit
  // (5 × 503 on list: the read's first attempt and its 4 retries). The
  // provider cannot tell, so it refuses to guess: `up` fails saying nothing
  // was duplicated and a re-run settles it; the re-run's create meets the key
  // (409) and adopts the commit.
  it("lost response and the lookup unavailable: up fails safely, the re-run adopts", async () => {
    const customer = m.freshCustomer();
    const s = await m.newStack("lost-unreadable", { commit: prepaid(m.world, customer) });
    await arm(m.world, { path: CREATE, kind: "drop-after-apply" });
    await arm(m.world, { path: LIST, kind: "status", status: 503, count: 5 });
    const failed = await s.up().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(EngineOpError);
    expect((failed as EngineOpError).errors.join("\n")).toMatch(
      /may or may not have been applied[\s\S]*Nothing was duplicated; run `pulumi up` again to settle it/,
    );
    expect(await statuses(m.world, CREATE)).toEqual([0]);
    expect(await statuses(m.world, LIST)).toEqual([503, 503, 503, 503, 503]);
    expect(await s.resources(TYPE)).toEqual([]);
    const created = await m.world.liveCommits(customer.customerId);
    expect(created).toHaveLength(1);

    await resetEmulator(m.world);
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ create: 1, same: 1 });
    expect(await statuses(m.world, CREATE)).toEqual([409]);
    const ids = await expectAgreement(m.world, s, customer, ["commit"]);
    expect(ids.commit).toBe(created[0]!.id);
    await expectNoOpRerun(m.world, s, customer, ["commit"]);
  });

  // State lost (`pulumi state delete`) and the commit archived in Metronome
  // since: the create meets the key of an archived commit. Metronome never
  // releases a key, and reviving an archived commit silently would be wrong,
  // so `up` stops and says what to do; nothing is created.
  it("the key is held by an archived commit: up refuses with what to do, nothing created", async () => {
    const customer = m.freshCustomer();
    const s = await m.newStack("archived-holder", { commit: prepaid(m.world, customer) });
    await s.up();
    const [state] = await s.resources(TYPE);
    const forgotten = await s.cli(["state", "delete", state!.urn, "--yes"]);
    expect(forgotten.code, forgotten.stdout + forgotten.stderr).toBe(0);
    await m.world.sdk.post("/v2/contracts/commits/archive", { body: { customer_id: customer.customerId, commit_id: state!.id } });

    await resetEmulator(m.world);
    const failed = await s.up().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(EngineOpError);
    const message = (failed as EngineOpError).errors.join("\n");
    expect(message).toContain(`Commit ${state!.id}`);
    expect(message).toMatch(/archived/);
    expect(message).toMatch(/uniquenessKey/);
    expect(message).toMatch(/existingCommitId/);
    expect(await statuses(m.world, CREATE)).toEqual([409]);
    const held = await m.world.commits(customer.customerId);
    expect(held.map((c) => [c.id, typeof c.archived_at])).toEqual([[state!.id, "string"]]);
    expect(await s.resources(TYPE)).toEqual([]);
  });

  // A real client timeout. The package has no user-facing setting for the
  // request timeout (60 s), so this engine preloads
  // fault-matrix.client-tuning.cjs into the plugin, which calls the runtime's
  // test hook to make it 1 s. The emulator holds the first create for 4 s and
  // then applies it: by then the provider has timed out, found no commit with
  // its key, and sent the create again (served at once). The late first create
  // then meets the key and is refused: one commit.
  it("timeout (latency 4 s > client deadline 1 s): one commit, the late duplicate refused by the key", async () => {
    const timeoutEngine = await createEngine({
      env: {
        NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${path.join(path.dirname(fileURLToPath(import.meta.url)), "fault-matrix.client-tuning.cjs")}`].filter(Boolean).join(" "),
        PULUMI_METRONOME_TEST_CLIENT_TIMEOUT_MS: "1000",
      },
    });
    try {
      const customer = m.freshCustomer();
      const s = await m.newStack("timeout", { commit: prepaid(m.world, customer) }, timeoutEngine);
      await arm(m.world, { path: CREATE, kind: "latency", latencyMs: 4_000 });
      const { result } = await s.up();
      expect(result.summary.resourceChanges).toEqual({ create: 2 });
      // The held create is logged once it is answered, 4 s after it arrived.
      // With the default 60 s deadline the provider would have waited for it
      // and sent no second create, so the log would never reach two entries.
      await until("the delayed create to be served", async () => (await statuses(m.world, CREATE)).length === 2);
      const creates = await statuses(m.world, CREATE);
      expect(creates[0]).toBe(200); // the re-sent create, served at once
      expect([0, 409]).toContain(creates[1]); // the late one: refused on the key (0 when the client was gone)
      await expectAgreement(m.world, s, customer, ["commit"]);
      await expectNoOpRerun(m.world, s, customer, ["commit"]);
    } finally {
      await timeoutEngine.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------
// `pulumi up` killed after the create request is sent

describe("pulumi up killed after the create request is sent", { timeout: TIMEOUT }, () => {
  it("the next up adopts the commit the killed run created: one commit, same key, in state", async () => {
    const customer = m.freshCustomer();
    const s = await m.newStack("killed", { commit: prepaid(m.world, customer) });
    // The emulator holds the create for 6 s, then applies it whether or not
    // anyone is still listening.
    await arm(m.world, { path: CREATE, kind: "latency", latencyMs: 6_000 });
    const run = await startDetachedCli(s, m.engine, ["up", "--yes", "--skip-preview"]);
    let killed: number[] = [];
    try {
      // A fault is consumed when its request arrives: the create is in flight.
      await until("the create to reach Metronome", async () => {
        const { data } = (await m.world.control("faults", undefined, "GET")) as { data: Fault[] };
        return data.length === 0;
      }, 60_000);
      killed = run.killTree(); // the CLI, the plugin and its node: a crashed CI runner
    } finally {
      run.killTree(); // a no-op unless the wait above failed
      run.stopServing();
    }
    const exit = await run.exited;
    expect(exit.signal).toBe("SIGKILL");
    // The CLI and, below it, the dynamic-provider plugin (its shell shim and node).
    expect(killed.length).toBeGreaterThanOrEqual(2);
    await until("every killed process to be gone", async () => killed.every((pid) => !alive(pid)), 10_000);

    // The held create is applied after the engine died (its answer goes nowhere).
    await until("the held create to be applied", async () => (await statuses(m.world, CREATE)).length === 1);
    expect(await statuses(m.world, CREATE)).toEqual([0]);
    const created = await m.world.liveCommits(customer.customerId);
    expect(created).toHaveLength(1);
    // The engine had recorded the create as pending, never its result.
    const checkpoint = await s.exportStack();
    expect(checkpoint.deployment.resources?.filter((r: { type: string }) => r.type === TYPE) ?? []).toEqual([]);
    expect((checkpoint.deployment.pending_operations ?? []).map((op: { type: string; resource: { urn: string } }) => [op.type, nameOf(op.resource.urn)])).toEqual([
      ["creating", "commit"],
    ]);

    // Recovery, exactly as a user does it on a file (DIY) backend (CLI 3.259):
    //   1. `pulumi up` refuses to run: the killed run left its lock
    //      ("the stack is currently locked by 1 lock(s) ... `pulumi cancel`");
    //   2. `pulumi cancel --yes` deletes that lock (on a DIY backend that is all
    //      it does: there is no server-side update to cancel);
    //   3. `pulumi refresh --clear-pending-creates --yes` drops the pending
    //      "creating" operation the killed run recorded. (Without it, `up`
    //      warns "1 pending operations ... interrupted while creating", still
    //      creates and adopts correctly, but leaves the stale pending operation
    //      in the checkpoint, warning on every later run. Plain `refresh`
    //      refuses to clear pending creates non-interactively.)
    //   4. `pulumi up`: the create carries the same derived uniqueness key,
    //      Metronome refuses it as a duplicate (409), and the provider adopts
    //      the commit the killed run created. No stack export/import, and the
    //      user never has to look up the commit id.
    const locked = await s.cli(["up", "--yes", "--skip-preview"], { inline: true });
    expect(locked.code).not.toBe(0);
    expect(locked.stdout + locked.stderr).toMatch(/currently locked by 1 lock\(s\).*pulumi cancel/s);
    const cancelled = await s.cli(["cancel", "--yes"]);
    expect(cancelled.code, cancelled.stdout + cancelled.stderr).toBe(0);
    const cleared = await s.cli(["refresh", "--clear-pending-creates", "--yes", "--skip-preview"], { inline: true });
    expect(cleared.code, cleared.stdout + cleared.stderr).toBe(0);
    expect((await s.exportStack()).deployment.pending_operations ?? []).toEqual([]);
    expect(await statuses(m.world, CREATE)).toEqual([0]); // none of that reached Metronome's create

    await resetEmulator(m.world);
    const { result, stdout } = await s.up();
    expect(stdout).not.toMatch(/pending operations/);
    expect(result.summary.resourceChanges).toEqual({ create: 1, same: 1 });
    // The create met its own key and adopted the commit: no second commit.
    expect(await statuses(m.world, CREATE)).toEqual([409]);
    const ids = await expectAgreement(m.world, s, customer, ["commit"]);
    expect(ids.commit).toBe(created[0]!.id);
    expect((result.outputs.ids!.value as Record<string, string>).commit).toBe(created[0]!.id);
    expect((await s.exportStack()).deployment.pending_operations ?? []).toEqual([]);
    await expectNoOpRerun(m.world, s, customer, ["commit"]);
  });
});

// ---------------------------------------------------------------------------
// A CLI run we can SIGKILL: the Automation API hides its child process, so
// this starts `pulumi <args>` the way the harness's `cli({ inline: true })`
// does (the program served in-process over --client), but keeps the child.

const nodeRequire = createRequire(import.meta.url);

interface DetachedRun {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  /**
   * SIGKILLs the CLI and every process below it (the plugin and its node),
   * by pid; returns the pids signalled. Nothing once the CLI has exited.
   */
  killTree(): number[];
  stopServing(): void;
}

async function startDetachedCli(s: TestStack, on: Engine, args: string[]): Promise<DetachedRun> {
  const pulumiRequire = createRequire(nodeRequire.resolve("@pulumi/pulumi/automation/server"));
  const grpc = pulumiRequire("@grpc/grpc-js");
  const { LanguageServer } = pulumiRequire("./server");
  const langrpc = pulumiRequire("../proto/language_grpc_pb");
  const { grpcChannelOptions } = pulumiRequire("../runtime");
  const server = new grpc.Server({ ...grpcChannelOptions });
  server.addService(langrpc.LanguageRuntimeService, new LanguageServer(s.workspace.program));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, p: number) => (err ? reject(err) : resolve(p))),
  );
  const child: ChildProcess = spawn(
    on.cliPath,
    [...args, "--stack", s.name, "--non-interactive", `--client=127.0.0.1:${port}`, "--exec-kind", "auto.inline"],
    { cwd: s.workDir, env: { ...process.env, ...on.env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (t: string) => (output += t));
  child.stderr!.setEncoding("utf8").on("data", (t: string) => (output += t));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, output })),
  );
  let running = true;
  child.on("exit", () => (running = false));
  return {
    exited,
    killTree() {
      if (!running) return []; // its pid may belong to someone else by now
      // Collect the whole tree first (children re-parent once their parent dies).
      const pids = [child.pid!, ...descendants(child.pid!)];
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      return pids;
    },
    stopServing() {
      server.forceShutdown();
    },
  };
}

/** Whether a process exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Every descendant pid of `pid` (Linux /proc), deepest last. */
function descendants(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    let tids: string[] = [];
    try {
      tids = fs.readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const tid of tids) {
      let children = "";
      try {
        children = fs.readFileSync(`/proc/${p}/task/${tid}/children`, "utf8");
      } catch {
        continue;
      }
      for (const c of children.split(/\s+/).filter(Boolean).map(Number)) {
        out.push(c);
        visit(c);
      }
    }
  };
  visit(pid);
  return out;
}
