// Compile-time assertions (`expectTypeOf`) are no-ops at run time and vitest
// does not type-check, so a test that holds such assertions compiles its own
// file with the TypeScript compiler and expects no diagnostics. (Nothing
// here may need ESM-only syntax: the file is compiled with the test.)

import * as path from "node:path";
import ts from "typescript";

/** The nearest folder above `file` that holds `tsconfig`. */
function rootOf(file: string, tsconfig: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (ts.sys.fileExists(path.join(dir, tsconfig))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no ${tsconfig} above ${file}`);
  }
}

/** The compiler's diagnostics for `file`, under the repository's `tsconfig` (one line each). */
export function typeErrorsOf(file: string, tsconfig = "tsconfig.json"): string[] {
  const root = rootOf(file, tsconfig);
  const config = ts.readConfigFile(path.join(root, tsconfig), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram([file], { ...options, noEmit: true, types: ["node"] });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}
