// Commits and credits a plan removes while another resource of the same plan
// still declares them: the same id is held by a resource of the same kind
// that the plan keeps (unchanged, updated or refreshed), or named by a
// resource's adoption input (the kind's `existingIdField`, such as a
// declaration `import` wrote for one the stack already manages). Archiving
// it leaves that resource pointing at an archived commit or credit. Pure.

import type { Change } from "./model";
import type { PreviewDigest, PreviewStep } from "./preview-types";
import { kindOfStep, parseUrn } from "./steps";

/** Steps after which the resource still holds what its state names. */
const KEEPS_ITS_RESOURCE = new Set(["same", "update", "refresh", "read"]);
/** Steps that take it away from the resource. */
const GIVES_UP_ITS_RESOURCE = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

/** The ids a step leaves its resource declaring. */
function declaredIds(step: PreviewStep, existingIdField: string): string[] {
  const out: string[] = [];
  if (KEEPS_ITS_RESOURCE.has(step.op)) {
    const id = step.newState?.id ?? step.oldState?.id;
    if (typeof id === "string" && id !== "") out.push(id);
  }
  if (!GIVES_UP_ITS_RESOURCE.has(step.op)) {
    const adopted = step.newState?.inputs?.[existingIdField];
    if (typeof adopted === "string" && adopted !== "") out.push(adopted);
  }
  return out;
}

/** A commit id and a credit id are told apart by their kind. */
const keyOf = (noun: string, id: string): string => `${noun}\u0000${id}`;

/** Kind and id -> the resources (name and URN) that the plan leaves declaring it. */
function declaredResources(digest: PreviewDigest): Map<string, Array<{ name: string; urn: string }>> {
  const out = new Map<string, Array<{ name: string; urn: string }>>();
  for (const step of digest.steps ?? []) {
    const kind = kindOfStep(step)?.kind;
    if (kind === undefined) continue;
    for (const id of declaredIds(step, kind.existingIdField)) {
      const key = keyOf(kind.noun, id);
      const list = out.get(key) ?? [];
      if (!list.some((d) => d.urn === step.urn)) list.push({ name: parseUrn(step.urn).name, urn: step.urn });
      out.set(key, list);
    }
  }
  return out;
}

/** True when the change archives the old one or ends its access (a removal, or a replacement's removal). */
const touchesOldResource = (c: Change): boolean =>
  (c.action === "archive" || c.action === "endAccess" || c.action === "replace") &&
  (c.removal?.policy === "archive" || c.removal?.policy === "endAccess") &&
  c.before?.archivedAt === undefined;

/** Sets `stillDeclaredBy` on every change that removes what another resource of the plan declares. */
export function markStillDeclared(changes: Change[], digest: PreviewDigest): void {
  const declared = declaredResources(digest);
  for (const c of changes) {
    const id = c.before?.id;
    if (id === undefined || !touchesOldResource(c)) continue;
    const others = (declared.get(keyOf(c.kind, id)) ?? []).filter((d) => d.urn !== c.urn).map((d) => d.name);
    if (others.length > 0) c.stillDeclaredBy = others.sort();
  }
}
