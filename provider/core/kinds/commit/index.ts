// The CustomerCommit kind: a customer-level commit
// (`/v1/contracts/customerCommits/*`, edited through `/v2/contracts/commits/*`).

import { defineKind } from "../../kind/kind";
import { RULES } from "../../rules";
import { canonicalTimestamp } from "../../timestamps";
import { hierarchyOf } from "../../fields/hierarchy";
import { COMMIT_FIELDS } from "./fields";

const stamp = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? canonicalTimestamp(v) as string : undefined);

export const customerCommitKind = defineKind({
  typeName: "CustomerCommit",
  noun: "commit",
  providerName: "customerCommitProvider",
  existingIdField: "existingCommitId",
  fields: COMMIT_FIELDS,
  rules: RULES,
  serverOutputs: {
    createdAt: (record) => stamp(record.created_at),
    archivedAt: (record) => stamp(record.archived_at),
    hierarchyConfiguration: (record) => hierarchyOf(record.hierarchy_configuration),
  },
  api: { resource: "commits", idField: "commit_id", customFieldEntity: "commit" },
});
