import type { MetronomeClient } from "../client";
import { fetchState, isArchived, type Outputs } from "./state";

/**
 * `pulumi refresh`: the commit as Metronome holds it now. A commit that is
 * missing or archived is gone (`{}` drops it from state). Both outputs and
 * inputs are returned, so refresh shows drift field by field and the next
 * preview compares the program against reality.
 */
export async function readCommit(
  client: MetronomeClient,
  commitId: string,
  props: Outputs,
): Promise<{ id?: string; props?: Outputs; inputs?: Outputs }> {
  const customerId = props.customerId;
  if (typeof customerId !== "string") {
    throw new Error(`the state of commit ${commitId} has no customerId, and Metronome finds commits only by customer`);
  }
  const state = await fetchState(client, customerId, commitId, props);
  if (state === undefined || isArchived(state.commit)) return {};
  return { id: commitId, props: state.outputs, inputs: state.inputs };
}
