// What `npm pack` puts in the tarball (`npm pack --dry-run --json`, the same
// file list npm publishes): the built package, its declarations, the
// license, and every document a packed Markdown file links to, and nothing
// else (no sources, tests, benchmarks or scripts).

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/repo";

interface PackEntry {
  name: string;
  files: Array<{ path: string }>;
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as Record<string, any>;

describe("the npm tarball", () => {
  let files: string[];
  const has = (p: string): boolean => files.includes(p) || files.some((f) => f.startsWith(`${p.replace(/\/$/, "")}/`));

  beforeAll(() => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8" });
    files = (JSON.parse(out) as PackEntry[])[0]!.files.map((f) => f.path);
  }, 60_000);

  it.each(["package.json", "README.md", "LICENSE", "dist/provider/index.js", "dist/provider/index.d.ts", "dist/emulator/index.js", "dist/emulator/index.d.ts", "dist/cli/main.js"])(
    "holds %s",
    (file) => {
      expect(files).toContain(file);
    },
  );

  it("holds every file package.json points at (main, types, exports, bin, typesVersions)", () => {
    const targets: string[] = [pkg.main, pkg.types, ...Object.values<string>(pkg.bin)];
    for (const entry of Object.values<unknown>(pkg.exports)) {
      if (typeof entry === "string") targets.push(entry);
      else targets.push(...Object.values(entry as Record<string, string>));
    }
    for (const map of Object.values<Record<string, string[]>>(pkg.typesVersions)) for (const list of Object.values(map)) targets.push(...list);
    for (const target of targets) expect(files, target).toContain(path.posix.normalize(target));
  });

  it("holds no sources, tests, benchmarks, scripts or examples' programs", () => {
    const stray = files.filter(
      (f) =>
        /^(test|bench|scripts|provider|emulator|cli|tools|node_modules)\//.test(f) && !f.endsWith(".md") ||
        /^dist\/(test|bench|scripts|examples|index\.)/.test(f) ||
        (f.endsWith(".ts") && !f.endsWith(".d.ts")),
    );
    expect(stray).toEqual([]);
  });

  it("resolves every relative link of every packed Markdown file inside the tarball", () => {
    const broken: string[] = [];
    for (const doc of files.filter((f) => f.endsWith(".md"))) {
      const text = fs.readFileSync(path.join(REPO_ROOT, doc), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:|^#|^mailto:/i.test(target!)) continue;
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(doc), target!.replace(/#.*$/, "")));
        if (!has(file)) broken.push(`${doc} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("says where it comes from and under which license", () => {
    expect(pkg.license).toBe("Apache-2.0");
    expect(fs.readFileSync(path.join(REPO_ROOT, "LICENSE"), "utf8")).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(pkg.repository).toEqual({ type: "git", url: expect.stringMatching(/^git\+https:\/\/github\.com\/.+\.git$/) });
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\//);
    expect(pkg.bugs.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
    expect(pkg.scripts.prepare).toMatch(/tsc -p tsconfig\.json/);
  });
});
