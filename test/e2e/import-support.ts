// What the end-to-end tests of `pulumi-metronome import` share: the stack's
// program made from a generated module, and the emulator's request log.

import { createRequire } from "node:module";
import * as path from "node:path";
import { loadBuiltPackage } from "../helpers/built-package";
import { REPO_ROOT } from "../helpers/repo";
import { evaluateModule } from "../cli/import/support";

const rootRequire = createRequire(path.join(REPO_ROOT, "package.json"));

/** The stack's program: the generated module, run against the built package (what `npm i pulumi-metronome` gives). */
export const programFrom = (source: string) => async () => {
  const pkg = loadBuiltPackage();
  const exports = evaluateModule(source, (id) => (id === "pulumi-metronome" ? pkg : rootRequire(id)));
  return { declared: Object.keys(exports).length };
};

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

/** The emulator's request log at `url`: all requests, the writes among them (anything but a listing), and a reset. */
export function requestLog(url: () => string) {
  const requests = async (): Promise<LoggedRequest[]> =>
    ((await (await fetch(`${url()}/_emulator/requests`)).json()) as { data: LoggedRequest[] }).data;
  return {
    requests,
    writes: async (): Promise<LoggedRequest[]> => (await requests()).filter((r) => !r.path.endsWith("/list")),
    clear: async (): Promise<void> => {
      await fetch(`${url()}/_emulator/requests`, { method: "DELETE" });
    },
  };
}
