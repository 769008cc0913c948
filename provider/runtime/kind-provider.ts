import type * as pulumi from "@pulumi/pulumi";
import { CANDIDATE_KEY_INPUT, RESOURCE_NAME_INPUT } from "../core/hidden-inputs";
import { checkInputs, validateInputs, validationError } from "../core/check";
import { existingIdOf } from "../core/kind/kind";
import { replacedProperties } from "../core/replace";
import { assertCreateAllowed, assertSoleClaimant, keptMessage, removalOf } from "./claims";
import { currentClient } from "./client-for";
import { createRecord, type DeclaredInputs } from "./create";
import { configureCredentials } from "./credentials";
import { deleteRecord } from "./delete";
import { claimCreate, keyChosenEarlier, recordCheck, recordCreated } from "./deployment-ledger";
import { warn } from "./engine-log";
import { CreatedButUnreadError, UpdateIncompleteError } from "./errors";
import { explained } from "./explain";
import type { KindBinding } from "./kind-binding";
import { readRecord } from "./read";
import { replacementWarning } from "./replacement-warning";
import type { Outputs } from "./outputs";
import { withoutInternalKeys } from "./state";
import { updateRecord } from "./update";

/**
 * The provider of one kind: what the one-line `__provider` module of each
 * resource returns at run time. `check` and `diff` make no call to Metronome
 * (they run in preview, where any input may be Pulumi's unknown sentinel);
 * the other methods talk to Metronome through one shared client per plugin
 * process. Takes and returns the camelCase shapes of the kind's args.
 *
 * Every method also keeps the deployment ledger (deployment-ledger.ts) of
 * this process, shared by every kind (Metronome's uniqueness keys are), so
 * that no create takes, and no delete archives, a record that another
 * declared resource holds.
 */
export function providerFor(binding: KindBinding) {
  const { kind } = binding;
  const { noun } = kind;

  /**
   * Inputs in canonical form, validated in full on every create and update:
   * the engine passes what `check` returned, but a direct caller of the
   * provider gets the same validation (every problem at once) before
   * anything reaches Metronome.
   */
  const validated = (inputs: Record<string, unknown>): DeclaredInputs => {
    const result = validateInputs<DeclaredInputs>(withoutInternalKeys(inputs), kind);
    if (!result.ok) throw validationError(kind, result.issues);
    return result.inputs;
  };

  return {
    async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
      await configureCredentials(req);
    },

    async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
      const name = typeof news[RESOURCE_NAME_INPUT] === "string" ? (news[RESOURCE_NAME_INPUT] as string) : undefined;
      const candidate = news[CANDIDATE_KEY_INPUT];
      const heldKey = olds.uniquenessKey;
      // The engine checks a replacement a second time, with no olds: it gets
      // the key its first check chose (kept, or chained from the old one).
      const earlier = typeof heldKey === "string" ? undefined : keyChosenEarlier(name, candidate);
      const result = checkInputs(olds, earlier === undefined ? news : { ...news, [CANDIDATE_KEY_INPUT]: earlier }, kind);
      if (result.failures.length === 0) recordCheck(name, candidate, heldKey, { uniquenessKey: result.inputs.uniquenessKey, existingId: existingIdOf(kind, result.inputs) });
      return result;
    },

    /**
     * `changes` is left undefined on purpose: the engine then diffs the old
     * and new canonical inputs itself, property by property, so `preview
     * --diff` shows exactly what changed and `replaceOnChanges`/`ignoreChanges`
     * work. The engine keeps the `replaces` we return alongside its own diff,
     * so we only name what Metronome cannot change in place. (`changes: true`
     * would drop the engine's detailed diff; `changes: false` would drop
     * `replaces`.)
     */
    async diff(id: string, olds: Outputs, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
      assertSoleClaimant(id, olds.uniquenessKey, noun);
      const replaces = replacedProperties(withoutInternalKeys(olds), withoutInternalKeys(news), kind);
      if (replaces.length > 0) await warn(replacementWarning(noun, id, olds, replaces));
      return { replaces };
    },

    async create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
      return explained(`create the ${noun}`, inputs, async () => {
        const declared = validated(inputs);
        assertCreateAllowed({ uniquenessKey: declared.uniquenessKey, existingId: existingIdOf(kind, declared) }, noun);
        const release = claimCreate(declared.uniquenessKey);
        try {
          const result = await createRecord(binding, currentClient(), declared);
          recordCreated(declared.uniquenessKey, result.id, result.adopted);
          return { id: result.id, outs: result.outs };
        } catch (error) {
          // A record that exists (its id goes to Pulumi with the error) stays claimed.
          if (!(error instanceof CreatedButUnreadError || error instanceof UpdateIncompleteError)) release();
          throw error;
        }
      });
    },

    async read(id: string, props?: Outputs): Promise<pulumi.dynamic.ReadResult> {
      // The engine's `__provider` may stay in: the mapping reads named fields only.
      return explained(`read ${noun} ${id}`, props ?? {}, () => readRecord(binding, currentClient(), id, props ?? {}));
    },

    async update(id: string, olds: Outputs, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
      return explained(`update ${noun} ${id}`, news, async () => {
        const outs = await updateRecord(binding, currentClient(), id, withoutInternalKeys(olds), validated(news));
        return { outs };
      });
    },

    async delete(id: string, props: Outputs): Promise<void> {
      await explained(`remove ${noun} ${id}`, props, async () => {
        const state = withoutInternalKeys(props);
        // "forget" never touches the record, so it is never refused.
        if (state.onDelete !== "forget" && removalOf(id, state, noun) === "kept") return warn(keptMessage(id, state.uniquenessKey, noun));
        return deleteRecord(binding, currentClient(), id, state);
      });
    },
  } satisfies pulumi.dynamic.ResourceProvider;
}

