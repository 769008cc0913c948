// The review runs offline in CI from the published package: it reads the
// provider's pure core and wire types, never the runtime (API client,
// lifecycle) nor the emulator, whose credit types are its own. Checked on
// every module the review's files reach through relative imports.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { HERE } from "./helpers";

const ROOT = path.resolve(HERE, "..", "..", "..");
const REVIEW = path.join(ROOT, "cli", "review");

/** The relative imports of a TypeScript file, as resolved files. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g), ...text.matchAll(/import\("(\.[^"]+)"\)/g)].map((m) => m[1] as string);
  return specifiers.map((s) => {
    const base = path.resolve(path.dirname(file), s);
    const found = [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
    if (found === undefined) throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${s}`);
    return found;
  });
}

/** Every file reachable from `start`, each with the file that imports it first. */
function reachable(start: readonly string[]): Map<string, string> {
  const seen = new Map<string, string>(start.map((f) => [f, "(a review file)"]));
  const queue = [...start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const next of importsOf(file)) {
      if (seen.has(next)) continue;
      seen.set(next, path.relative(ROOT, file));
      queue.push(next);
    }
  }
  return seen;
}

const files = fs.readdirSync(REVIEW).filter((f) => f.endsWith(".ts")).map((f) => path.join(REVIEW, f));
const reached = reachable(files);
const relative = [...reached.keys()].map((f) => path.relative(ROOT, f).split(path.sep).join("/"));

describe("what the review depends on", () => {
  it("reaches the provider's core and wire types", () => {
    expect(relative).toContain("provider/core/kinds/credit/index.ts");
    expect(relative).toContain("provider/api/wire/shared.ts");
  });

  it.each(["emulator/", "provider/runtime/", "provider/client/", "provider/resource/", "cli/import/"])("never reaches %s", (folder) => {
    const offending = relative.filter((f) => f.startsWith(folder)).map((f) => `${f} (from ${reached.get(path.join(ROOT, f))})`);
    expect(offending).toEqual([]);
  });
});
