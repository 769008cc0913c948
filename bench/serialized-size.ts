// shim_bytes and naive_bytes: the `__provider` text Pulumi stores (twice) in
// every resource's state, serialized exactly as `pulumi.dynamic.Resource`
// does it: serializeFunction(() => provider, { allowSecrets: true }).

import * as pulumi from "@pulumi/pulumi";
import { customerCommitShim } from "../provider/resource/shim";
import { naiveProvider } from "./naive-provider";

export interface SizeResult {
  shimBytes: number;
  naiveBytes: number;
  shimSecret: boolean;
  naiveSecret: boolean;
  /**
   * Why the by-value provider cannot be serialized as it is, if it cannot
   * (then `naiveBytes` is a lower bound: the text with the values Pulumi
   * cannot serialize left out).
   */
  naiveFailure: string | undefined;
  /** Captured modules that the naive text requires at run time (from node_modules). */
  naiveRequires: string[];
}

async function serialize(
  provider: pulumi.dynamic.ResourceProvider,
  skip?: (value: unknown) => boolean,
): Promise<{ text: string; secret: boolean }> {
  const result = await pulumi.runtime.serializeFunction(() => provider, {
    allowSecrets: true,
    ...(skip === undefined ? {} : { serialize: (value: unknown) => !skip(value) }),
  });
  return { text: result.text, secret: result.containsSecrets };
}

/**
 * What Pulumi fails on in the by-value provider, left out to measure the
 * rest: native functions (zod's bound schema methods have no source to
 * copy), and zod's internal modules, which Pulumi would `require` by a path
 * zod's package exports do not allow. Each would add a little text, so the
 * size measured without them is a lower bound.
 */
function unserializable(): (value: unknown) => boolean {
  const zodModules = new Set(
    Object.values(require.cache)
      .filter((m) => m !== undefined && m.filename.includes(`${"node_modules"}/zod/`))
      .map((m) => m!.exports as unknown),
  );
  return (value) =>
    zodModules.has(value) ||
    (typeof value === "object" && value !== null && "_zod" in value) ||
    (typeof value === "function" && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(value)));
}

export async function measureSizes(): Promise<SizeResult> {
  const shim = await serialize(customerCommitShim);
  let naiveFailure: string | undefined;
  let naive: { text: string; secret: boolean };
  try {
    naive = await serialize(naiveProvider);
  } catch (error) {
    naiveFailure = firstLines(error);
    naive = await serialize(naiveProvider, unserializable());
  }
  const requires = [...new Set([...naive.text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
  return {
    shimBytes: Buffer.byteLength(shim.text),
    naiveBytes: Buffer.byteLength(naive.text),
    shimSecret: shim.secret,
    naiveSecret: naive.secret,
    naiveFailure,
    naiveRequires: requires,
  };
}

/** The gist of Pulumi's serialization error: what it says, and the value it stopped at. */
function firstLines(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  const reason = lines.find((l) => l.includes("could not be serialized")) ?? lines[0] ?? message;
  return reason;
}
