import type { MetronomeClient } from "../client";
import type { KindBinding } from "./kind-binding";
import { fetchState, isArchived, type Outputs } from "./state";

/**
 * `pulumi refresh`: the resource as Metronome holds it now. One that is
 * missing or archived is gone (`{}` drops it from state). Both outputs and
 * inputs are returned, so refresh shows drift field by field and the next
 * preview compares the program against reality.
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
  return { id, props: state.outputs, inputs: state.inputs };
}
