// Helpers for the import command's tests: run it in-process, make its output
// comparable across runs (emulator ids are random), type-check it against
// the package sources, and evaluate it to get the resources it declares.

import * as path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { run } from "../../../cli/import/command";
import type { CommandIo } from "../../../cli/io";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `pulumi-metronome import <argv>` in this process, with the given environment. */
export async function runImport(argv: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CommandIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => "",
    env,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

// ---- stable text ------------------------------------------------------------

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Replaces every uuid not in `keep` with `00000001-0000-4000-8000-000000000001`,
 * `00000002-...`, in order of first appearance, and each replaced uuid's
 * first 8 characters (used in de-duplicated resource names) likewise, so a
 * snapshot of the module does not depend on the ids the emulator drew. The
 * result is still valid TypeScript.
 */
export function withStableIds(text: string, keep: readonly string[] = []): string {
  const map = new Map<string, string>();
  for (const id of text.match(UUID) ?? []) {
    if (keep.includes(id) || map.has(id)) continue;
    const n = map.size + 1;
    map.set(id, `${n.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`);
  }
  let out = text.replace(UUID, (id) => map.get(id) ?? id);
  // Constants spell the prefix in camelCase (`commitA72ec1f6`): match any case.
  for (const [id, fake] of map) out = out.replace(new RegExp(id.slice(0, 8), "gi"), fake.slice(0, 8));
  return out;
}

// ---- type-checking ----------------------------------------------------------

/**
 * Type-checks one file with the repository's compiler options and
 * `pulumi-metronome` mapped to provider/index.ts (the tsconfig's own
 * mapping). Returns the diagnostics of that file only, formatted.
 */
export function typeCheckFile(file: string): string[] {
  const configPath = path.join(REPO_ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO_ROOT, undefined, configPath);
  // The generated file lives outside the repository: no rootDir/outDir (nothing is emitted).
  const { rootDir: _rootDir, outDir: _outDir, declaration: _declaration, ...compilerOptions } = parsed.options;
  const options: ts.CompilerOptions = {
    ...compilerOptions,
    noEmit: true,
    paths: { "pulumi-metronome": [path.join(REPO_ROOT, "provider", "index.ts")] },
  };
  const program = ts.createProgram({ rootNames: [file], options });
  const source = program.getSourceFile(file);
  if (source === undefined) throw new Error(`the compiler did not load ${file}`);
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => REPO_ROOT,
    getNewLine: () => "\n",
  };
  return ts.getPreEmitDiagnostics(program, source).map((d) => ts.formatDiagnostic(d, host).trim());
}

// ---- evaluation ---------------------------------------------------------------

/** Runs the module (transpiled to CommonJS) with `requireFn` resolving its imports; returns its exports. */
export function evaluateModule(source: string, requireFn: (id: string) => unknown): Record<string, unknown> {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "exports", js)(requireFn, module, module.exports);
  return module.exports;
}

export interface Declared {
  /** The class constructed: `CustomerCommit` or `CustomerCredit`. */
  className: string;
  /** The Pulumi resource name. */
  name: string;
  args: Record<string, unknown>;
  /** The exported constant holding it. */
  exportName: string;
}

const CLASS_NAMES = ["CustomerCommit", "CustomerCredit"] as const;

/** Every `new CustomerCommit(name, args)` and `new CustomerCredit(name, args)` the module makes, in order, with stand-in classes. */
export function declaredResources(source: string): Declared[] {
  const made: Array<{ className: string; name: string; args: Record<string, unknown>; self: object }> = [];
  const standIns = Object.fromEntries(
    CLASS_NAMES.map((className) => [
      className,
      class {
        constructor(name: string, args: Record<string, unknown>) {
          made.push({ className, name, args, self: this });
        }
      },
    ]),
  );
  const exports = evaluateModule(source, (id) => {
    if (id === "pulumi-metronome") return standIns;
    throw new Error(`the generated module requires ${id}`);
  });
  return made.map(({ self, ...m }) => ({ ...m, exportName: Object.keys(exports).find((k) => exports[k] === self) ?? "" }));
}

/** The module's `CustomerCommit` declarations. */
export const declaredCommits = (source: string): Declared[] => declaredResources(source).filter((d) => d.className === "CustomerCommit");

/** The module's `CustomerCredit` declarations. */
export const declaredCredits = (source: string): Declared[] => declaredResources(source).filter((d) => d.className === "CustomerCredit");
