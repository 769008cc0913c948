import * as pulumi from "@pulumi/pulumi";
import { defaultUniquenessKey, replaceOnlyFields } from "../core";
import type { Kind } from "../core/kind/kind";

/**
 * The uniqueness key a resource of `kind` gets when none is declared: derived
 * from the project, stack, resource name, the kind's key scope and the fields
 * that force a replacement. A re-run after a lost response derives the same
 * key (so Metronome refuses a duplicate and the provider adopts the first
 * one); a replacement derives a new one (Metronome never releases a key).
 *
 * Only the replace-only values are awaited, one by one (for an object field
 * with a fixed part, only that part): a secret or a not-yet-known value
 * elsewhere (a name, a product id from a resource still to be created) then
 * leaves the key plain and known. An unknown key in preview would read as
 * "the key changes", i.e. a replacement, which it is not.
 */
export function defaultUniquenessKeyFor(kind: Kind, name: string, args: object): pulumi.Output<string> {
  const project = pulumi.getProject();
  const stack = pulumi.getStack();
  const given = args as Record<string, pulumi.Input<unknown> | undefined>;
  const replaceOnlyInputs: Record<string, pulumi.Input<unknown> | undefined> = {};
  for (const f of kind.replaceOnly) {
    if (f.property === "uniquenessKey") continue;
    replaceOnlyInputs[f.property] = f.fixed === undefined ? given[f.property] : fixedPart(given[f.property], f.fixed);
  }
  return pulumi.output(replaceOnlyInputs).apply((resolved) =>
    defaultUniquenessKey({
      project,
      stack,
      name,
      replaceOnly: replaceOnlyFields(JSON.parse(JSON.stringify(resolved)) as Record<string, unknown>, kind),
      ...(kind.keyScope === undefined ? {} : { scope: kind.keyScope }),
    }),
  );
}

/**
 * The fixed sub-keys of an object input, awaiting only those when the object
 * is a plain literal (the usual case), or the whole object when it is an Output.
 */
function fixedPart(input: pulumi.Input<unknown> | undefined, keys: readonly string[]): pulumi.Input<unknown> | undefined {
  if (input === undefined) return undefined;
  const pick = (o: unknown): Record<string, unknown> | undefined => {
    if (o === null || o === undefined || typeof o !== "object") return undefined;
    return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
  };
  if (pulumi.Output.isInstance(input) || input instanceof Promise) return pulumi.output(input).apply(pick);
  return pick(input);
}
