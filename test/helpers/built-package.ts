/**
 * Loads the *built* package (dist/, CommonJS) through Node's own `require`.
 *
 * Why not `import ... from "../../provider"` in a test that drives the engine
 * or the plugin: vitest transforms the modules it imports, and a function
 * that went through the transform refers to vitest's module-runner bindings
 * (`__vi_import_0__.x`, `__vite_ssr_import__`, ...). `pulumi.dynamic.Resource`
 * serializes the provider from those functions' source and closures into
 * `__provider`, and the plugin process that deserializes it has no vitest, so
 * the shim would be wrong or fail to load. Node's `require` gives the real
 * CommonJS that users get from npm: the same text, the same
 * `require("pulumi-metronome/...")` calls, resolved through the package's
 * `exports` map. Pure unit tests of provider logic can import the TypeScript
 * sources directly; anything that crosses into Pulumi must use this.
 *
 * Usage:
 *   const pkg = loadBuiltPackage<typeof import("../../provider/index")>();
 *   new pkg.CustomerCommit("c", args);              // inside an inline program
 *   const { startEmulator } = loadBuiltEmulator<typeof import("../../emulator/index")>();
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { REPO_ROOT, ensureSelfLink } from "./repo";

// Resolve from the repository root, where node_modules/pulumi-metronome links
// to the checkout (scripts/link-self.js): the same resolution the plugin does.
const rootRequire = createRequire(path.join(REPO_ROOT, "package.json"));

/** Source directories compiled into dist/ whose freshness is checked before loading. */
const SOURCE_DIRS = ["provider", "emulator", "cli", "scripts"];

/**
 * Throws when dist/ is missing or older than a TypeScript source, naming the
 * file, so a bare `npx vitest` never silently tests stale JavaScript.
 * scripts/run.sh (npm test) always builds first.
 */
export function assertBuildFresh(): void {
  const stale: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) {
        const rel = path.relative(REPO_ROOT, full);
        const out = path.join(REPO_ROOT, "dist", rel.replace(/\.ts$/, ".js"));
        let outTime = 0;
        try {
          outTime = fs.statSync(out).mtimeMs;
        } catch {
          // missing
        }
        if (outTime < fs.statSync(full).mtimeMs) stale.push(rel);
      }
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(REPO_ROOT, d));
  if (stale.length > 0) {
    throw new Error(
      `dist/ is missing or older than ${stale.slice(0, 5).join(", ")}${stale.length > 5 ? ", ..." : ""}; ` +
        "run `npm run build` (or `npm test`, which builds first)",
    );
  }
}

let checked = false;
function load<T>(specifier: string): T {
  ensureSelfLink();
  // PULUMI_METRONOME_SKIP_BUILD_CHECK=1: for running tests while sources are
  // being edited; npm test builds first, so CI never needs it.
  if (!checked && process.env.PULUMI_METRONOME_SKIP_BUILD_CHECK !== "1") {
    assertBuildFresh();
    checked = true;
  }
  return rootRequire(specifier) as T;
}

/** `require("pulumi-metronome")` as a user's program would, from the built dist/. */
export function loadBuiltPackage<T = Record<string, unknown>>(): T {
  return load<T>("pulumi-metronome");
}

/** `require("pulumi-metronome/emulator")` from the built dist/. */
export function loadBuiltEmulator<T = Record<string, unknown>>(): T {
  return load<T>("pulumi-metronome/emulator");
}

/** Where Node resolves a specifier from the program directory (realpath), without loading it. */
export function resolveBuilt(specifier: string): string {
  ensureSelfLink();
  return fs.realpathSync(rootRequire.resolve(specifier));
}

/** Any subpath of the built package, e.g. "pulumi-metronome/package.json". */
export function requireBuilt<T = unknown>(specifier: string): T {
  return load<T>(specifier);
}
