/** Paths and one-time setup shared by the engine and plugin helpers. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (this file lives in test/helpers). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The dynamic-provider plugin shim shipped at the root of the npm @pulumi/pulumi package. */
export const PLUGIN_PATH = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@pulumi/pulumi/package.json")),
  "pulumi-resource-pulumi-nodejs",
);

/**
 * Makes `require("pulumi-metronome")` resolve from the repository root, as it
 * does from a user's program directory: the dynamic-provider plugin runs with
 * the program directory as its working directory, and the serialized shim
 * requires the package by name at run time. scripts/run.sh already does this
 * (scripts/link-self.js); this covers a bare `npx vitest`.
 */
export function ensureSelfLink(): void {
  // Checked on disk: resolving the name from inside the repository would
  // succeed through package self-reference even without the link.
  try {
    if (fs.realpathSync(path.join(REPO_ROOT, "node_modules", "pulumi-metronome")) === fs.realpathSync(REPO_ROOT)) return;
  } catch {
    // not linked yet
  }
  execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "link-self.js")], { stdio: "inherit" });
}
