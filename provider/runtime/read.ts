import type { MetronomeClient } from "../client";
import type { KindBinding } from "./kind-binding";
import { storedInputs } from "../core/stored-inputs";
import { deepEqual } from "../core/util";
import { fetchState, isArchived, withoutInternalKeys, type Outputs } from "./state";

/**
 * `pulumi refresh`: the resource as Metronome holds it now. One that is
 * missing or archived is gone (`{}` drops it from state). A resource that
 * drifted gets its inputs read back too (in stored form, stored-inputs.ts),
 * so refresh shows the drift field by field and the next preview compares
 * the program against reality. One found exactly as the state holds it
 * returns no inputs, so the engine keeps the stored ones as they are: the
 * provider is not given them, and inputs stored by a release that kept
 * defaults must not read as changed.
 */
export async function readRecord(
  binding: KindBinding,
  client: MetronomeClient,
  id: string,
  props: Outputs,
): Promise<{ id?: string; props?: Outputs; inputs?: Outputs }> {
  const customerId = props.customerId;
  const noun = binding.kind.noun;
  if (typeof customerId !== "string") {
    throw new Error(`the state of ${noun} ${id} has no customerId, and Metronome finds ${noun}s only by customer`);
  }
  const state = await fetchState(binding, client, customerId, id, props);
  if (state === undefined || isArchived(state)) return {};
  if (deepEqual(state.outputs, withoutInternalKeys(props))) return { id, props: state.outputs };
  return { id, props: state.outputs, inputs: storedInputs(state.inputs, binding.kind) };
}
