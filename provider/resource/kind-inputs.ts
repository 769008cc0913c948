import type * as pulumi from "@pulumi/pulumi";
import { CANDIDATE_KEY_INPUT, RESOURCE_NAME_INPUT } from "../core/hidden-inputs";
import type { Kind } from "../core/kind/kind";
import { defaultUniquenessKeyFor } from "./default-key";
import { assertTokenConfigIsSecret } from "./token-config-guard";

/**
 * What a resource class of `kind` registers with Pulumi: every field seeded
 * (so each output exists even when its input is not set), the args, the two
 * hidden inputs `check` consumes, the output-only properties seeded after the
 * args (so no arg can set them), and the one-line `__provider`.
 *
 * The key is sent only when declared. The derived one is a candidate that
 * `check` uses for a new resource only: an existing resource keeps the key in
 * its state, whatever its name, stack or project is now. Both hidden inputs
 * are consumed by `check` and never stored.
 */
export function registeredInputs(kind: Kind, name: string, args: object, providerText: string): pulumi.Inputs {
  assertTokenConfigIsSecret();
  const declaredKey = (args as { uniquenessKey?: unknown }).uniquenessKey;
  const hidden = {
    [CANDIDATE_KEY_INPUT]: declaredKey === undefined ? defaultUniquenessKeyFor(kind, name, args) : undefined,
    [RESOURCE_NAME_INPUT]: name,
  };
  const seeds = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, undefined]));
  // `revision` counts the updates that sent writes (runtime/state.ts).
  const outputsOnly = seeds([...Object.keys(kind.serverOutputs), "revision"]);
  return { ...seeds(kind.fieldNames), ...args, ...hidden, ...outputsOnly, __provider: providerText };
}
