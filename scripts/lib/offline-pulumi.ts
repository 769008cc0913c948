// How this project runs the real Pulumi engine offline, shared by the demo,
// the benchmark and the end-to-end test harness: a `file://` backend, a
// private PULUMI_HOME, no update checks or plugin downloads, and inline
// Automation API programs (`--client`), which need only the `pulumi` binary,
// the dynamic-provider plugin and `node` (no `pulumi-language-nodejs`, whose
// Go module is not obtainable here).
import * as fs from "node:fs";
import * as path from "node:path";
import * as auto from "@pulumi/pulumi/automation";

/** The repository root (this file compiles to dist/scripts/lib/). */
export const REPO_ROOT = findRepoRoot(__dirname);

/** Directory of `pulumi-resource-pulumi-nodejs`, the plugin shipped in @pulumi/pulumi. */
export const DYNAMIC_PLUGIN_DIR = path.dirname(require.resolve("@pulumi/pulumi/package.json"));

export interface OfflinePulumi {
  command: auto.PulumiCommand;
  /** Environment for every CLI run, and so for the plugin process. */
  env: Record<string, string>;
  backendUrl: string;
  pulumiHome: string;
}

/**
 * Prepares `dir` (state, PULUMI_HOME, a CLI root) for the `pulumi` at
 * `cliPath` and returns the command and environment to run it offline.
 */
export async function offlinePulumi(opts: {
  cliPath: string;
  dir: string;
  passphrase: string;
  env?: Record<string, string>;
}): Promise<OfflinePulumi> {
  const stateDir = path.join(opts.dir, "state");
  const pulumiHome = path.join(opts.dir, "home");
  const binDir = path.join(opts.dir, "cli", "bin");
  for (const d of [stateDir, pulumiHome, binDir]) fs.mkdirSync(d, { recursive: true });
  // PulumiCommand.get wants <root>/bin/pulumi.
  const link = path.join(binDir, "pulumi");
  fs.rmSync(link, { force: true });
  fs.symlinkSync(fs.realpathSync(opts.cliPath), link);

  const backendUrl = `file://${stateDir}`;
  const env: Record<string, string> = {
    PULUMI_BACKEND_URL: backendUrl,
    PULUMI_HOME: pulumiHome,
    PULUMI_CONFIG_PASSPHRASE: opts.passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    // The plugin shim runs `node`: the one running us (>= 22).
    PATH: [binDir, path.dirname(process.execPath), process.env.PATH ?? ""].join(path.delimiter),
    ...opts.env,
  };
  const command = await auto.PulumiCommand.get({ root: path.dirname(binDir) });
  return { command, env, backendUrl, pulumiHome };
}

/**
 * Project settings for an inline program whose directory (where the engine
 * starts the plugin, so where `require("pulumi-metronome")` must resolve) is
 * `main`. The dynamic-provider plugin is named as a project plugin: the engine
 * consults those before $PATH, so it never warns about an ambient plugin.
 */
export function inlineProjectSettings(name: string, main: string = REPO_ROOT): auto.ProjectSettings {
  return {
    name,
    runtime: "nodejs",
    main,
    plugins: { providers: [{ name: "pulumi-nodejs", path: DYNAMIC_PLUGIN_DIR }] },
  } as auto.ProjectSettings;
}

function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, "package.json")) || !fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${start}`);
    dir = parent;
  }
  return dir;
}
