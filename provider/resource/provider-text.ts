import * as pulumi from "@pulumi/pulumi";
import { customerCommitShim } from "./shim";

/**
 * The `__provider` text Pulumi stores with every CustomerCommit: the
 * provider `CustomerCommit` hands Pulumi, serialized the way
 * `pulumi.dynamic.Resource` serializes it. Anything that writes state for a
 * CustomerCommit without running the resource class (the import file of
 * `pulumi-metronome import`) takes the text from here, so it follows the
 * resource class whatever shim that class hands Pulumi.
 */
export async function customerCommitProviderText(): Promise<string> {
  return serializedAsDynamicResource(customerCommitShim);
}

// `pulumi.dynamic.Resource` serializes `() => provider` (a closure over its
// constructor argument); this closure has the same shape, so the text is the
// same, byte for byte (test/e2e/import-file.test.ts compares it with state).
async function serializedAsDynamicResource(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}
