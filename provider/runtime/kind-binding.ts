// How the lifecycle (create, read, update, delete, adoption) reaches one
// kind in Metronome: the kind's description (core/kinds/*), its endpoints in
// the client, how its records are read, and the few facts in which commits
// and credits differ at run time. Everything else is written once, over a
// binding.

import type { Commit } from "../api/wire";
import type { KindEndpoints, KindWireTypes, MetronomeClient } from "../client";
import type { Kind } from "../core/kind/kind";
import { customerCommitKind } from "../core/kinds/commit";
import { customerCreditKind } from "../core/kinds/credit";
import { readerFor, type ReadSource } from "./commit-reader";

/** A record as any kind lists it (named fields read by the kind's table). */
export type KindRecord = { id: string; uniqueness_key?: string; access_schedule?: { schedule_items: Array<{ ending_before: string }> } };

export interface KindBinding {
  kind: Kind;
  /** The client's endpoint group of the kind. */
  endpoints(client: MetronomeClient): KindEndpoints<KindWireTypes>;
  /** How the reader lists the kind (what `fetchState` may answer). */
  reads: ReadSource<KindRecord>;
  /** When a record listed with `include_archived` says it was archived (commits do; a credit never says). */
  archivedAt(record: KindRecord): string | undefined;
  /** Whether the record found by key, listed with archived ones, is archived. */
  isArchived(client: MetronomeClient, customerId: string, record: KindRecord): Promise<boolean>;
  /** The body that ends access (and, for commits, invoices) at `end`. */
  endAccessBody(customerId: string, id: string, end: string): Record<string, unknown>;
}

const stamp = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

export const commitBinding: KindBinding = {
  kind: customerCommitKind,
  endpoints: (client) => client.commits as unknown as KindEndpoints<KindWireTypes>,
  reads: {
    entity: "commit",
    walkPage: (client, customerId, nextPage) =>
      client.commits.listPage({ customer_id: customerId, include_archived: true, ...(nextPage === undefined ? {} : { next_page: nextPage }) }),
    lookup: (client, customerId, id) => client.commits.listPage({ customer_id: customerId, commit_id: id, include_archived: true }),
  },
  archivedAt: (record) => stamp((record as Commit).archived_at),
  isArchived: async (_client, _customerId, record) => stamp((record as Commit).archived_at) !== undefined,
  endAccessBody: (customerId, id, end) => ({ customer_id: customerId, commit_id: id, access_ending_before: end, invoices_ending_before: end }),
};

/**
 * Credits: Metronome's Credit has no `archived_at`, so the reader lists live
 * credits only (a credit it cannot find is archived or gone, the same thing
 * to every operation), and a credit found by key among archived ones is
 * archived exactly when the live listing does not have it.
 */
export const creditBinding: KindBinding = {
  kind: customerCreditKind,
  endpoints: (client) => client.credits as unknown as KindEndpoints<KindWireTypes>,
  reads: {
    entity: "credit",
    walkPage: (client, customerId, nextPage) =>
      client.credits.listPage({ customer_id: customerId, include_archived: false, ...(nextPage === undefined ? {} : { next_page: nextPage }) }),
    lookup: (client, customerId, id) => client.credits.listPage({ customer_id: customerId, credit_id: id, include_archived: false }),
  },
  archivedAt: () => undefined,
  isArchived: async (client, customerId, record) => (await client.credits.get(customerId, record.id, { includeArchived: false })) === undefined,
  endAccessBody: (customerId, id, end) => ({ customer_id: customerId, credit_id: id, access_ending_before: end }),
};

/** The reader of `binding`'s kind for `client`. */
export const readsOf = (client: MetronomeClient, binding: KindBinding) => readerFor(client, binding.reads);


