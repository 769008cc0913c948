// What a stack's checkpoint stores per commit: the checkpoint file as the
// file backend writes it (and rewrites after every step), per commit, and
// one commit's entry split into its parts (compact JSON, median over the
// commits): inputs and outputs without `__provider`, the `__provider` text
// (stored in both), and the engine's own metadata (urn, parent, provider,
// property dependencies, timestamps, source position and stack trace).

import * as fs from "node:fs";
import { median } from "./stats";

const COMMIT_TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";

export interface StateSize {
  checkpointBytes: number;
  /** The checkpoint file's bytes over the number of commits. */
  bytesPerCommit: number;
  /** Length of the `__provider` text (stored twice per commit). */
  providerBytes: number;
  /** One commit's entry, compact JSON, by part (bytes). */
  parts: { inputs: number; outputs: number; providerText: number; metadata: number; total: number };
}

interface Entry {
  type?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

export function measureState(checkpointFile: string, commits: number): StateSize {
  const text = fs.readFileSync(checkpointFile, "utf8");
  const checkpoint = JSON.parse(text) as { checkpoint?: { latest?: { resources?: Entry[] } } };
  const entries = (checkpoint.checkpoint?.latest?.resources ?? []).filter((r) => r.type === COMMIT_TYPE);
  if (entries.length !== commits) throw new Error(`the checkpoint holds ${entries.length} commits, expected ${commits}`);
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? {}));
  const withoutProvider = (props: Record<string, unknown> | undefined) => {
    const { __provider: _, ...rest } = props ?? {};
    return rest;
  };
  const providerText = String(entries[0]!.inputs?.__provider ?? "");
  const part = (of: (entry: Entry) => number) => median(entries.map(of));
  return {
    checkpointBytes: Buffer.byteLength(text),
    bytesPerCommit: Buffer.byteLength(text) / commits,
    providerBytes: Buffer.byteLength(providerText),
    parts: {
      inputs: part((e) => bytes(withoutProvider(e.inputs))),
      outputs: part((e) => bytes(withoutProvider(e.outputs))),
      providerText: part((e) => Buffer.byteLength(String(e.inputs?.__provider ?? "")) + Buffer.byteLength(String(e.outputs?.__provider ?? ""))),
      metadata: part((e) => {
        const { inputs: _i, outputs: _o, ...rest } = e;
        return bytes(rest);
      }),
      total: part((e) => bytes(e)),
    },
  };
}
