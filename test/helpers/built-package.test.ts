/**
 * Proves test/helpers/built-package.ts: `pulumi-metronome` resolves, by name
 * and through the package's `exports` map, to this checkout's built dist/,
 * and loads with Node's own require (outside vitest's module graph).
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./repo";
import { requireBuilt, resolveBuilt } from "./built-package";

describe("built package loader", () => {
  it("resolves the package name to this checkout's dist through the exports map", () => {
    const root = fs.realpathSync(REPO_ROOT);
    expect(resolveBuilt("pulumi-metronome")).toBe(path.join(root, "dist", "provider", "index.js"));
    expect(resolveBuilt("pulumi-metronome/emulator")).toBe(path.join(root, "dist", "emulator", "index.js"));
    // node_modules/pulumi-metronome is the link the plugin resolves through.
    expect(fs.realpathSync(path.join(REPO_ROOT, "node_modules", "pulumi-metronome"))).toBe(root);
  });

  it("loads through Node's require: the module is in require.cache, not vitest's graph", () => {
    const pkg = requireBuilt<{ name: string }>("pulumi-metronome/package.json");
    expect(pkg.name).toBe("pulumi-metronome");
    const cached = createRequire(import.meta.url).cache[resolveBuilt("pulumi-metronome/package.json")];
    expect(cached?.exports).toBe(pkg);
  });
});
