// The emulator as the benchmark runs it: its own Node process (the built
// `pulumi-metronome-emulator` bin) on 127.0.0.1, so its work never shares an
// event loop with the code being measured, much as Metronome is a separate
// server, with `--latency-ms` added to every Metronome request, as a
// far-away API has. The request log (/_emulator/requests) counts API calls.

import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "../scripts/lib/offline-pulumi";

export const BENCH_TOKEN = "bench-token-not-a-secret";

export interface LoggedCall {
  method: string;
  path: string;
  status: number;
}

export interface EmulatorProcess {
  url: string;
  /** Empties the request log. */
  clearLog(): Promise<void>;
  /** Calls served since the log was last emptied. */
  calls(): Promise<LoggedCall[]>;
  close(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export async function startEmulatorProcess(opts: { latencyMs: number }): Promise<EmulatorProcess> {
  const bin = path.join(REPO_ROOT, "dist", "emulator", "bin.js");
  const child = spawn(process.execPath, [bin, "--port", "0", "--token", BENCH_TOKEN, "--latency-ms", String(opts.latencyMs)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  live.add(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("the emulator did not start within 20 s")), 20_000);
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with ${code} before listening`));
    });
  });
  const control = async (method: string): Promise<unknown> => {
    const response = await fetch(`${url}/_emulator/requests`, { method });
    if (!response.ok) throw new Error(`emulator control ${method} requests: ${response.status}`);
    return response.json();
  };
  return {
    url,
    clearLog: async () => void (await control("DELETE")),
    calls: async () => ((await control("GET")) as { data: LoggedCall[] }).data,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => {
          live.delete(child);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
