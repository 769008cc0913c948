// The commits and credits a Pulumi stack already manages, read from its
// state (the output of `pulumi stack export`), so that `import` does not
// declare them a second time: a second declaration would either collide with
// the first resource or adopt the same record twice, and removing one of the
// two would archive a record the other still declares.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import type { Kind } from "../../provider/core/kind/kind";
import { IMPORT_KINDS } from "./kinds";

interface StateResource {
  type?: unknown;
  id?: unknown;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/**
 * Record ids held by the resources of `kinds` (CustomerCommit and
 * CustomerCredit) in an exported state, pending ones included: each
 * resource's id and the existing id it adopted (`existingCommitId`,
 * `existingCreditId`).
 */
export function managedIds(exported: unknown, kinds: readonly Kind[] = IMPORT_KINDS): Set<string> {
  const deployment = (exported as { deployment?: { resources?: unknown; pending_operations?: unknown } } | null)?.deployment;
  if (deployment === undefined || deployment === null || typeof deployment !== "object") {
    throw new StateReadError("it is not the output of `pulumi stack export` (no `deployment`)");
  }
  const pending = Array.isArray(deployment.pending_operations)
    ? deployment.pending_operations.map((p) => (p as { resource?: StateResource }).resource)
    : [];
  const resources = [...(Array.isArray(deployment.resources) ? deployment.resources : []), ...pending] as Array<StateResource | undefined>;
  const byType = new Map(kinds.map((k) => [k.typeToken, k]));
  const ids = new Set<string>();
  for (const r of resources) {
    const kind = r === undefined || typeof r.type !== "string" ? undefined : byType.get(r.type);
    if (r === undefined || kind === undefined) continue;
    if (typeof r.id === "string" && r.id !== "") ids.add(r.id);
    for (const props of [r.inputs, r.outputs]) {
      const adopted = props?.[kind.existingIdField];
      if (typeof adopted === "string" && adopted !== "") ids.add(adopted);
    }
  }
  return ids;
}

/** Reads `--state FILE`. */
export function readStateFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new StateReadError(`cannot read --state ${file}: ${(error as Error).message}`);
  }
}

/** `pulumi stack export --stack NAME` in `cwd`, with the caller's environment (backend, passphrase). */
export function exportStack(stack: string, cwd: string, env: NodeJS.ProcessEnv): unknown {
  let text: string;
  try {
    text = execFileSync("pulumi", ["stack", "export", "--stack", stack, "--non-interactive"], {
      cwd,
      env: { ...env, PULUMI_SKIP_UPDATE_CHECK: "true" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 512 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new StateReadError(`\`pulumi stack export --stack ${stack}\` failed${stderr === "" ? `: ${(error as Error).message}` : `: ${stderr}`}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StateReadError(`\`pulumi stack export --stack ${stack}\` printed no JSON: ${(error as Error).message}`);
  }
}

export class StateReadError extends Error {
  override readonly name = "StateReadError";
}
