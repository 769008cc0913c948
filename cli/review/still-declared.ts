// Commits a plan removes while another resource of the same plan still
// declares them: the same commit id is held by a resource the plan keeps
// (unchanged, updated or refreshed), or named by a resource's
// `existingCommitId` (an adoption, such as a declaration `import` wrote for
// a commit the stack already manages). Archiving such a commit leaves that
// resource pointing at an archived commit. Pure.

import type { CommitChange } from "./model";
import type { PreviewDigest, PreviewStep } from "./preview-types";
import { isCommitStep, parseUrn } from "./steps";

/** Steps after which the resource still holds the commit its state names. */
const KEEPS_ITS_COMMIT = new Set(["same", "update", "refresh", "read"]);
/** Steps that take a commit away from the resource. */
const GIVES_UP_ITS_COMMIT = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

/** The commit ids a step leaves its resource declaring. */
function declaredIds(step: PreviewStep): string[] {
  const out: string[] = [];
  if (KEEPS_ITS_COMMIT.has(step.op)) {
    const id = step.newState?.id ?? step.oldState?.id;
    if (typeof id === "string" && id !== "") out.push(id);
  }
  if (!GIVES_UP_ITS_COMMIT.has(step.op)) {
    const adopted = step.newState?.inputs?.existingCommitId;
    if (typeof adopted === "string" && adopted !== "") out.push(adopted);
  }
  return out;
}

/** Commit id -> the resources (name and URN) that the plan leaves declaring it. */
function declaredCommits(digest: PreviewDigest): Map<string, Array<{ name: string; urn: string }>> {
  const out = new Map<string, Array<{ name: string; urn: string }>>();
  for (const step of digest.steps ?? []) {
    if (!isCommitStep(step)) continue;
    for (const id of declaredIds(step)) {
      const list = out.get(id) ?? [];
      if (!list.some((d) => d.urn === step.urn)) list.push({ name: parseUrn(step.urn).name, urn: step.urn });
      out.set(id, list);
    }
  }
  return out;
}

/** True when the change archives the commit or ends its access (a removal, or a replacement's removal). */
const touchesOldCommit = (c: CommitChange): boolean =>
  (c.action === "archive" || c.action === "endAccess" || c.action === "replace") &&
  (c.removal?.policy === "archive" || c.removal?.policy === "endAccess") &&
  c.before?.archivedAt === undefined;

/** Sets `stillDeclaredBy` on every change that removes a commit another resource of the plan declares. */
export function markStillDeclared(changes: CommitChange[], digest: PreviewDigest): void {
  const declared = declaredCommits(digest);
  for (const c of changes) {
    const id = c.before?.commitId;
    if (id === undefined || !touchesOldCommit(c)) continue;
    const others = (declared.get(id) ?? []).filter((d) => d.urn !== c.urn).map((d) => d.name);
    if (others.length > 0) c.stillDeclaredBy = others.sort();
  }
}
