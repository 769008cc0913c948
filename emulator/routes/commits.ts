// customerCommits/create and customerCommits/list.

import { randomUUID } from "node:crypto";
import { badRequest, conflict } from "../errors";
import { parseRfc3339 } from "../time";
import { optionalBoolean, optionalUuid, requireUuid } from "../rules/fields";
import { parseCreateCommit } from "../rules/commit-create";
import type { CommitRecord } from "../model";
import { renderCommit } from "./commit-view";
import { decodeCursor, encodeCursor } from "./cursor";
import type { Route } from "./types";

export const CREATED_BY = "pulumi-metronome-emulator";
export const UNIQUENESS_KEY_USED = "This uniqueness key has already been used.";
const LIST_LIMIT_MAX = 25;

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

function optionalInstant(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = parseRfc3339(value);
  if (ms === undefined) throw badRequest(`${field} must be an RFC 3339 timestamp`);
  return ms;
}

const list: Route = {
  method: "POST",
  path: "/v1/contracts/customerCommits/list",
  handler: ({ body, store, now, ignoreUnsourced }) => {
    const customerId = requireUuid(body.customer_id, "customer_id");
    const commitId = optionalUuid(body.commit_id, "commit_id");
    const covering = optionalInstant(body.covering_date, "covering_date");
    const startingAt = optionalInstant(body.starting_at, "starting_at");
    const effectiveBefore = optionalInstant(body.effective_before, "effective_before");
    const includeArchived = optionalBoolean(body.include_archived, "include_archived") ?? false;
    const includeBalance = optionalBoolean(body.include_balance, "include_balance") ?? false;
    const includeLedgers = optionalBoolean(body.include_ledgers, "include_ledgers") ?? false;
    // Accepted; the emulator has no contract-level commits to add.
    optionalBoolean(body.include_contract_commits, "include_contract_commits");
    let limit = LIST_LIMIT_MAX;
    if (body.limit !== undefined && body.limit !== null) {
      if (typeof body.limit !== "number" || !Number.isInteger(body.limit) || body.limit < 1 || body.limit > LIST_LIMIT_MAX) {
        throw badRequest(`limit must be an integer between 1 and ${LIST_LIMIT_MAX}`);
      }
      limit = body.limit;
    }
    const afterSeq = decodeCursor(body.next_page);
    // The spec declares only a 200 for this path: a customer Metronome does
    // not know simply has no commits.

    const segments = (c: CommitRecord) =>
      c.access_schedule.schedule_items.map((i) => [Date.parse(i.starting_at), Date.parse(i.ending_before)] as const);
    const matching = Object.values(store.state.commits)
      .filter((c) => c.customer_id === customerId)
      .filter((c) => includeArchived || !c.archived_at)
      .filter((c) => commitId === undefined || c.id === commitId)
      .filter((c) => covering === undefined || segments(c).some(([s, e]) => s <= covering && covering < e))
      .filter((c) => startingAt === undefined || segments(c).some(([, e]) => e > startingAt))
      .filter((c) => effectiveBefore === undefined || segments(c).some(([s]) => s < effectiveBefore))
      .sort((a, b) => a.seq - b.seq)
      .filter((c) => c.seq > afterSeq);

    const page = matching.slice(0, limit);
    const last = page[page.length - 1];
    const next_page = matching.length > limit && last ? encodeCursor(last.seq) : null;
    const opts = { includeBalance, includeLedgers, now, productIdsAsSpecifiers: ignoreUnsourced };
    return { body: { data: page.map((c) => renderCommit(store.state, c, opts)), next_page } };
  },
};

export const commitRoutes: Route[] = [create, list];
