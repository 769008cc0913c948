// The provider as the plugin drives it, pointed at a benchmark emulator, and
// `read` as it works once the coalescing reader is wired into state.ts (see
// bench/RESULTS.md): the same steps as runtime/read.ts, with the commit
// fetched through a `get` of our choosing.

import type { Commit } from "../provider/api/wire";
import { customerCommitProvider } from "../provider/runtime/provider";
import { isArchived, stateOf, type Outputs } from "../provider/runtime/state";
import { BENCH_TOKEN } from "./emulator-process";

export const provider = customerCommitProvider;

/** What the engine stores as `__provider`; the provider only strips it. */
export const PROVIDER_TEXT = "exports.handler = __f0; /* bench */";

/** Configures the provider as the plugin does: the stack config, secrets decrypted. */
export async function configureProvider(url: string): Promise<void> {
  const values: Record<string, string> = { "metronome:baseUrl": url, "metronome:bearerToken": BENCH_TOKEN };
  await provider.configure({
    config: {
      get: (key: string) => values[key],
      require: (key: string) => {
        const value = values[key];
        if (value === undefined) throw new Error(`missing ${key}`);
        return value;
      },
    },
  });
}

export type GetCommit = (customerId: string, commitId: string) => Promise<Commit | undefined>;

/** runtime/read.ts with `fetchState`'s request replaced by `get`. */
export async function readWith(get: GetCommit, commitId: string, props: Outputs): Promise<{ id?: string; props?: Outputs; inputs?: Outputs }> {
  const commit = await get(props.customerId as string, commitId);
  if (commit === undefined || isArchived(commit)) return {};
  const state = stateOf(commit, props);
  return { id: commitId, props: state.outputs, inputs: state.inputs };
}
