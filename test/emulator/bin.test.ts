// The `pulumi-metronome-emulator` bin: compiled as the package ships it, run
// as a separate process, driven with the SDK, stopped with SIGTERM.

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFor, makeWorld, prepaid, readCommit } from "./fixtures";

const root = path.resolve(__dirname, "../..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "emu-bin-"));
let bin: string;

beforeAll(() => {
  // The emulator has no dependency outside emulator/, so it compiles alone.
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/typescript/bin/tsc"),
      "--outDir", out, "--rootDir", path.join(root, "emulator"),
      "--module", "node16", "--moduleResolution", "node16", "--target", "es2022",
      "--types", "node", "--strict", "--skipLibCheck", "--esModuleInterop", "--resolveJsonModule",
      path.join(root, "emulator/bin.ts"),
    ],
    { cwd: root, stdio: "pipe" },
  );
  bin = path.join(out, "bin.js");
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function run(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const url = new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const m = /^Metronome emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(text);
      if (m) resolve(m[1]!);
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${text}`)));
  });
  return { child, url };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

describe("pulumi-metronome-emulator", () => {
  it("starts with a shebang", () => {
    expect(fs.readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("serves with --token and --data, prints one line, stops on SIGTERM", async () => {
    const dataFile = path.join(out, "state.json");
    const { child, url } = run(["--port", "0", "--token", "bin-secret", "--data", dataFile]);
    const base = await url;
    const customer = await clientFor(base, "bin-secret").v1.customers.create({ name: "from bin" });
    expect(customer.data.name).toBe("from bin");
    await expect(clientFor(base, "other").v1.customers.create({ name: "x" })).rejects.toThrow(/401/);
    const done = exited(child);
    child.kill("SIGTERM");
    expect(await done).toBe(0);
    expect(fs.readFileSync(dataFile, "utf8")).toContain("from bin");
  });

  it("stops on SIGINT and never prints the token", async () => {
    let output = "";
    const { child, url } = run(["--token", "hidden-token-123"]);
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    await url;
    const done = exited(child);
    child.kill("SIGINT");
    expect(await done).toBe(0);
    expect(output).not.toContain("hidden-token-123");
  });

  it("holds Metronome requests for --latency-ms, not the control surface", async () => {
    const { child, url } = run(["--latency-ms", "60000"]);
    const base = await url;
    const held = await fetch(`${base}/v1/credit-types/list`, { signal: AbortSignal.timeout(300) }).then(
      () => "answered",
      (err: Error) => err.name,
    );
    expect(held).toBe("TimeoutError");
    expect((await fetch(`${base}/_emulator/health`)).status).toBe(200);
    const done = exited(child);
    child.kill("SIGTERM");
    expect(await done).toBe(0);
  });

  it("refuses a body field outside the spec with --strict-fields", async () => {
    const { child, url } = run(["--strict-fields", "--token", "bin-secret"]);
    const base = await url;
    const post = (body: unknown) =>
      fetch(`${base}/v1/customFields/addKey`, {
        method: "POST",
        headers: { authorization: "Bearer bin-secret", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ entity: "commit", key: "k", enforce_uniqueness: false, unique: true })).status).toBe(400);
    expect((await post({ entity: "commit", key: "k", enforce_uniqueness: false })).status).toBe(200);
    const done = exited(child);
    child.kill("SIGTERM");
    expect(await done).toBe(0);
  });

  it("leaves an unsourced change undone with --ignore-unsourced", async () => {
    const { child, url } = run(["--ignore-unsourced", "--token", "bin-secret"]);
    const client = clientFor(await url, "bin-secret");
    const w = await makeWorld(client);
    const id = (await client.v1.customers.commits.create(prepaid(w, { description: "kept" }))).data.id;
    await client.post("/v2/contracts/commits/edit", { body: { customer_id: w.customerId, commit_id: id, description: "" } });
    expect((await readCommit(client, w.customerId, id)).description).toBe("kept");
    const done = exited(child);
    child.kill("SIGTERM");
    expect(await done).toBe(0);
  });

  it.each([["--port", "http"], ["--latency-ms", "-5"], ["--latency-ms", "1.5"]])("refuses a bad %s %s", async (flag, value) => {
    const child = spawn(process.execPath, [bin, `${flag}=${value}`], { stdio: "pipe" });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    expect(await exited(child)).toBe(1);
    expect(err).toContain(flag);
  });
});
