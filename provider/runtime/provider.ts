import type * as pulumi from "@pulumi/pulumi";
import { CommitValidationError, checkInputs, replacedProperties, validateInputs, type CustomerCommitInputs } from "../core";
import { equalsExactJson, isExactJson } from "../core/util";
import { currentClient } from "./client-for";
import { createCommit } from "./create";
import { configureCredentials } from "./credentials";
import { deleteCommit } from "./delete";
import { warn } from "./engine-log";
import { explained } from "./explain";
import { readCommit } from "./read";
import { replacementWarning } from "./replacement-warning";
import { withoutInternalKeys, type Outputs } from "./state";
import { updateCommit } from "./update";

/**
 * The Metronome customer-commit provider: what the serialized shim in each
 * resource's state calls at run time. `check` and `diff` make no call to
 * Metronome (they run
 * in preview, where any input may be Pulumi's unknown sentinel); the other
 * methods talk to Metronome through one shared client per plugin process.
 * Takes and returns the camelCase shapes of `CustomerCommitArgs`.
 */
export const customerCommitProvider = {
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    await configureCredentials(req);
  },

  async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    const result = checkInputs(olds, news);
    if (result.failures.length === 0) rememberChecked(result.inputs);
    return result;
  },

  /**
   * `changes` is left undefined on purpose: the engine then diffs the old and
   * new canonical inputs itself, property by property, so `preview --diff`
   * shows exactly what changed and `replaceOnChanges`/`ignoreChanges` work.
   * The engine keeps the `replaces` we return alongside its own diff, so we
   * only name what Metronome cannot change in place. (`changes: true` would
   * drop the engine's detailed diff; `changes: false` would drop `replaces`.)
   */
  async diff(id: string, olds: Outputs, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
    const replaces = replacedProperties(withoutInternalKeys(olds), withoutInternalKeys(news));
    if (replaces.length > 0) await warn(replacementWarning(id, olds, replaces));
    return { replaces };
  },

  async create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    return explained("create the commit", inputs, async () => {
      return createCommit(currentClient(), validated(inputs));
    });
  },

  async read(id: string, props?: Outputs): Promise<pulumi.dynamic.ReadResult> {
    // The engine's `__provider` may stay in: the mapping reads named fields only.
    return explained(`read commit ${id}`, props ?? {}, () => readCommit(currentClient(), id, props ?? {}));
  },

  async update(id: string, olds: Outputs, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
    return explained(`update commit ${id}`, news, async () => {
      const outs = await updateCommit(currentClient(), id, withoutInternalKeys(olds), validated(news));
      return { outs };
    });
  },

  async delete(id: string, props: Outputs): Promise<void> {
    await explained(`remove commit ${id}`, props, () => deleteCommit(currentClient(), id, withoutInternalKeys(props)));
  },
} satisfies pulumi.dynamic.ResourceProvider;

/**
 * Inputs in canonical form. The engine only ever passes inputs that `check`
 * returned, so this is a no-op there; a direct caller of the provider gets the
 * same validation (every problem at once) before anything reaches Metronome.
 */
function validated(inputs: Record<string, unknown>): CustomerCommitInputs {
  // What `check` returned a moment ago needs no second validation. The
  // engine's gRPC round trip loses key order, so the comparison ignores it;
  // anything else that differs, however slightly, is validated in full.
  const key = inputs.uniquenessKey;
  const remembered = typeof key === "string" ? checked.get(key) : undefined;
  if (remembered !== undefined && isCheckedAs(inputs, remembered)) return remembered;
  const result = validateInputs(withoutInternalKeys(inputs));
  if (!result.ok) throw new CommitValidationError(result.issues);
  return result.inputs;
}

/** `inputs`, leaving out the engine's `__` keys, equal `canonical` (key order aside). */
function isCheckedAs(inputs: Record<string, unknown>, canonical: Record<string, unknown>): boolean {
  let own = 0;
  for (const key in inputs) {
    if (!Object.hasOwn(inputs, key) || key.startsWith("__")) continue;
    own++;
    if (!Object.hasOwn(canonical, key) || !equalsExactJson(inputs[key], canonical[key])) return false;
  }
  return own === Object.keys(canonical).length && Object.getOwnPropertySymbols(inputs).length === 0;
}

/**
 * The canonical inputs `check` returned lately, by uniqueness key (every
 * canonical input has one); the oldest go first. Such inputs are valid, and
 * equal to their own canonical form, so `validated` may return them as they
 * are (test/provider/runtime/check-then-create.test.ts). Nothing modifies
 * inputs once they are made, so they are held and handed out as they are.
 */
const checked = new Map<string, CustomerCommitInputs>();
const CHECKED_ENTRIES = 1_000;

function rememberChecked(canonical: Record<string, unknown>): void {
  const key = canonical.uniquenessKey;
  if (typeof key !== "string" || !isExactJson(canonical)) return;
  checked.delete(key);
  checked.set(key, canonical as CustomerCommitInputs);
  if (checked.size > CHECKED_ENTRIES) checked.delete(checked.keys().next().value as string);
}
