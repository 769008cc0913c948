// Printing: aligned tables and the machine the numbers came from.

import * as os from "node:os";

export function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [`\n${title}`, `  ${line(header)}`, `  ${widths.map((w) => "-".repeat(w)).join("  ")}`, ...rows.map((r) => `  ${line(r)}`)].join("\n");
}

export function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  return `${os.availableParallelism()} cpus (${cpus[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load ${load}, ${os.type()} ${os.release()}`;
}
