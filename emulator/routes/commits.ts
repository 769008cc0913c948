// customerCommits/create and customerCommits/list.

import { randomUUID } from "node:crypto";
import { conflict } from "../errors";
import { parseCreateCommit } from "../rules/commit-create";
import type { CommitRecord } from "../model";
import { renderCommit } from "./commit-view";
import { pageOf, parseListQuery } from "./list-query";
import type { Route } from "./types";

export const CREATED_BY = "pulumi-metronome-emulator";
export const UNIQUENESS_KEY_USED = "This uniqueness key has already been used.";

const create: Route = {
  method: "POST",
  path: "/v1/contracts/customerCommits/create",
  handler: ({ body, store, now }) => {
    const parsed = parseCreateCommit(store.state, body);
    if (parsed.uniqueness_key !== undefined && store.commitOrCreditKeyUsed(parsed.uniqueness_key)) {
      throw conflict(UNIQUENESS_KEY_USED);
    }
    const commit: CommitRecord = {
      ...parsed,
      seq: store.nextSeq(),
      id: randomUUID(),
      created_at: new Date(now).toISOString(),
      created_by: CREATED_BY,
    };
    store.state.commits[commit.id] = commit;
    return { body: { data: { id: commit.id } } };
  },
};

const list: Route = {
  method: "POST",
  path: "/v1/contracts/customerCommits/list",
  handler: ({ body, store, now, ignoreUnsourced }) => {
    // `include_contract_commits` is accepted; the emulator has no contract-level commits to add.
    const q = parseListQuery(body, "commit_id", ["include_contract_commits"]);
    // The spec declares only a 200 for this path: a customer Metronome does
    // not know simply has no commits.
    const { page, next_page } = pageOf(Object.values(store.state.commits), q);
    const opts = { includeBalance: q.includeBalance, includeLedgers: q.includeLedgers, now, productIdsAsSpecifiers: ignoreUnsourced };
    return { body: { data: page.map((c) => renderCommit(store.state, c, opts)), next_page } };
  },
};

export const commitRoutes: Route[] = [create, list];
