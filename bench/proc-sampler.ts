// Watches this process's descendants through /proc while something runs
// (here: `pulumi up`): each one's command line, peak resident memory
// (VmHWM, which the kernel keeps, so a late sample still sees the peak) and
// CPU time. Linux only; elsewhere it reports nothing.

import * as fs from "node:fs";

export interface ProcessUsage {
  pid: number;
  command: string;
  /** Peak resident set, MB. */
  peakRssMb: number;
  /** User + system CPU time at the last sample, ms. */
  cpuMs: number;
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

export class ProcessSampler {
  readonly #seen = new Map<number, ProcessUsage>();
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly intervalMs = 200) {}

  start(): void {
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), this.intervalMs);
  }

  /** Stops sampling; the usage of every descendant seen, in pid order. */
  stop(): ProcessUsage[] {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#sample();
    return [...this.#seen.values()].sort((a, b) => a.pid - b.pid);
  }

  #sample(): void {
    let entries: string[];
    try {
      entries = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
    } catch {
      return;
    }
    const children = new Map<number, number[]>();
    const stats = new Map<number, string[]>();
    for (const entry of entries) {
      const pid = Number(entry);
      const text = read(`/proc/${pid}/stat`);
      if (text === undefined) continue;
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(pid, fields);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    }
    const queue = [...(children.get(process.pid) ?? [])];
    while (queue.length > 0) {
      const pid = queue.shift()!;
      queue.push(...(children.get(pid) ?? []));
      const fields = stats.get(pid)!;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? "");
      if (hwm === null) continue; // a zombie, or gone
      const previous = this.#seen.get(pid);
      this.#seen.set(pid, {
        pid,
        // Read every time: a child seen between fork and exec still shows its parent's command line.
        command: (read(`/proc/${pid}/cmdline`) ?? "").split("\0").join(" ").trim() || (previous?.command ?? ""),
        peakRssMb: Math.max(previous?.peakRssMb ?? 0, Number(hwm[1]) / 1024),
        // Fields after comm: utime and stime are the 12th and 13th.
        cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      });
    }
  }
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
