// `client.commits`: customer-level commits.

import type { ArchiveCommitBody, Commit, CreateCommitBody, EditCommitBody, ListCommitsBody, UpdateEndDateBody } from "../../api/wire";
import { ENDPOINTS } from "../endpoints";
import type { ResourceContext } from "./context";
import { KindResource } from "./kind-resource";

export interface CommitWireTypes {
  record: Commit;
  create: CreateCommitBody;
  list: ListCommitsBody;
  updateEndDate: UpdateEndDateBody;
  edit: EditCommitBody;
  archive: ArchiveCommitBody;
}

/**
 * Commits: `updateEndDate` moves a PREPAID commit's access and/or invoice
 * end earlier; `archive` is refused while finalized invoices reference it.
 */
export class Commits extends KindResource<CommitWireTypes> {
  constructor(context: ResourceContext) {
    super(context, {
      entity: "commit",
      endpoints: ENDPOINTS.commits,
      byId: (customerId, commitId, includeArchived) => ({ customer_id: customerId, commit_id: commitId, include_archived: includeArchived }),
      target: (body) => body.commit_id,
    });
  }
}
