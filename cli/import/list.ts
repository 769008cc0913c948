// Step 1 of 3 (list -> model -> render): what Metronome holds, per customer
// and kind. Archived records are counted too: the generated module says how
// many were skipped, so nobody wonders where a commit or credit went.

import type { Commit, Credit } from "../../provider/api/wire";
import type { MetronomeClient } from "../../provider/client";
import type { Kind } from "../../provider/core/kind/kind";
import { listed } from "./kinds";

/** A listed commit or credit, as Metronome answers it. */
export type ListedRecord = Commit | Credit;

export interface KindListing {
  kind: Kind;
  /** Live customer-level records, in the order Metronome listed them. */
  live: ListedRecord[];
  /** How many archived records were skipped. */
  archived: number;
}

export interface CustomerListing {
  customerId: string;
  /** One listing per kind asked for, in that order. */
  kinds: KindListing[];
}

/**
 * One customer's live and archived records of `kind`. Customer-level only
 * (the lists' default): contract commits and credits are not these
 * resources. A kind whose records say when they were archived (commits:
 * `archived_at`, the kind's `archivedAt` output) is listed once, archived
 * included. A credit carries no such mark, so live credits are listed
 * without archived ones, and the archived are those that only the listing
 * with archived ones has.
 */
async function listKind(client: MetronomeClient, kind: Kind, customerId: string): Promise<KindListing> {
  const endpoints: { listAll(body: { customer_id: string; include_archived: boolean }): Promise<ListedRecord[]> } =
    client[kind.api.resource];
  const all = await endpoints.listAll({ customer_id: customerId, include_archived: true });
  const archivedAt = kind.serverOutputs.archivedAt;
  if (archivedAt !== undefined) {
    const live = all.filter((r) => archivedAt(r as unknown as Record<string, unknown>) === undefined);
    return { kind, live, archived: all.length - live.length };
  }
  const live = await endpoints.listAll({ customer_id: customerId, include_archived: false });
  const liveIds = new Set(live.map((r) => r.id));
  return { kind, live, archived: all.filter((r) => !liveIds.has(r.id)).length };
}

/** Lists every customer's records of each kind, one customer after the other (the order given). */
export async function listCustomers(client: MetronomeClient, customerIds: readonly string[], kinds: readonly Kind[]): Promise<CustomerListing[]> {
  const out: CustomerListing[] = [];
  for (const customerId of customerIds) {
    const listings: KindListing[] = [];
    for (const kind of kinds) {
      try {
        listings.push(await listKind(client, kind, customerId));
      } catch (error) {
        throw new ListError(customerId, [kind.noun], error);
      }
    }
    // The lists answer an unknown customer like one without records (their
    // specs declare only a 200): only a lookup tells a mistyped id apart.
    if (listings.every((l) => l.live.length === 0 && l.archived === 0)) {
      try {
        await client.customers.get(customerId);
      } catch (error) {
        throw new ListError(customerId, kinds.map((k) => k.noun), error);
      }
    }
    out.push({ customerId, kinds: listings });
  }
  return out;
}

/** Listing one customer's records failed; names the customer and what was listed. */
export class ListError extends Error {
  override readonly name = "ListError";
  constructor(
    readonly customerId: string,
    nouns: readonly string[],
    cause: unknown,
  ) {
    super(
      `cannot list the ${listed(nouns.map((n) => `${n}s`))} of customer ${customerId}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}
