/**
 * The package as a user gets it: `npm pack` output, unpacked into the
 * node_modules of a scratch consumer project outside the repository.
 *
 * The consumer's other dependencies are links into the repository's
 * node_modules (no network, no install), except `@pulumi/pulumi`, which is
 * whichever of the two installed versions the caller asks for: the newest
 * (the devDependency) or the oldest the peer range claims (the
 * `@pulumi/pulumi-oldest` alias). So one test run drives both ends of the
 * peer range with the very files the tarball ships, and the package and the
 * dynamic-provider host in a plugin process load one `@pulumi/pulumi`, as in
 * a user's project.
 *
 * Usage:
 *   const consumer = createConsumerProject({ pulumi: "oldest" });
 *   consumer.dir            // the program directory (cwd of the plugin)
 *   consumer.pluginPath     // its pulumi-resource-pulumi-nodejs
 *   consumer.remove();
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "./repo";
import { assertBuildFresh } from "./built-package";

export type PulumiEnd = "newest" | "oldest";

/** Where each end of the peer range is installed in the repository's node_modules. */
const PULUMI_DIRS: Record<PulumiEnd, string> = {
  newest: path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi"),
  oldest: path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi-oldest"),
};

export const PULUMI_ENDS: readonly PulumiEnd[] = ["oldest", "newest"];

/** The installed `@pulumi/pulumi` version at one end of the peer range. */
export function pulumiVersion(end: PulumiEnd): string {
  return (JSON.parse(fs.readFileSync(path.join(PULUMI_DIRS[end], "package.json"), "utf8")) as { version: string }).version;
}

export interface PackedFile {
  path: string;
  size: number;
}

export interface Packed {
  tarball: string;
  files: PackedFile[];
}

let packed: Packed | undefined;

/**
 * `npm pack` of the repository, once per test process. The build is checked
 * to be current instead of rebuilt (`--ignore-scripts` skips `prepare`).
 */
export function packPackage(): Packed {
  if (packed !== undefined && fs.existsSync(packed.tarball)) return packed;
  if (process.env.PULUMI_METRONOME_SKIP_BUILD_CHECK !== "1") assertBuildFresh();
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), "pm-pack-"));
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dest], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [entry] = JSON.parse(out) as Array<{ filename: string; files: PackedFile[] }>;
  if (entry === undefined) throw new Error(`npm pack printed no entry: ${out}`);
  packed = { tarball: path.join(dest, entry.filename), files: entry.files };
  return packed;
}

export interface ConsumerProject {
  /** The program directory: package.json, node_modules, and whatever the test writes. */
  readonly dir: string;
  /** The dynamic-provider plugin of the consumer's `@pulumi/pulumi`. */
  readonly pluginPath: string;
  /** The consumer's installed copy of the package. */
  readonly packageDir: string;
  /** The `__provider` text a program in this project stores (the package's own, with its @pulumi/pulumi). */
  providerText(): string;
  remove(): void;
}

/** Entries of the repository's node_modules that a consumer does not get from it. */
const NOT_LINKED = new Set(["pulumi-metronome", "@pulumi", ".bin", ".package-lock.json"]);

export function createConsumerProject(opts: { pulumi?: PulumiEnd } = {}): ConsumerProject {
  const end = opts.pulumi ?? "newest";
  const { tarball } = packPackage();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pm-consumer-${end}-`));
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
  for (const name of fs.readdirSync(path.join(REPO_ROOT, "node_modules"))) {
    if (NOT_LINKED.has(name) || name.startsWith(".pulumi-metronome")) continue;
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules", name), path.join(modules, name), "dir");
  }
  fs.symlinkSync(PULUMI_DIRS[end], path.join(modules, "@pulumi", "pulumi"), "dir");

  const packageDir = path.join(modules, "pulumi-metronome");
  fs.mkdirSync(packageDir);
  execFileSync("tar", ["-xzf", tarball, "-C", packageDir, "--strip-components=1"]);

  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify(
      {
        name: "consumer",
        private: true,
        dependencies: { "@pulumi/pulumi": pulumiVersion(end), "pulumi-metronome": "0.0.0-packed" },
      },
      null,
      2,
    ),
  );
  return {
    dir,
    packageDir,
    pluginPath: path.join(modules, "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs"),
    // In a process of its own, started in the project: it loads the project's
    // copies of the package and of @pulumi/pulumi, as a user's program does.
    providerText: () =>
      execFileSync(
        process.execPath,
        ["-e", 'process.stdout.write(require("pulumi-metronome").CUSTOMER_COMMIT_PROVIDER_TEXT)'],
        { cwd: dir, encoding: "utf8" },
      ),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
