// Step 1 of 3 (list -> model -> render): what Metronome holds, per customer.
// Archived commits are listed too, only to count them: the generated module
// says how many were skipped, so nobody wonders where a commit went.

import type { Commit } from "../../provider/api/wire";
import type { MetronomeClient } from "../../provider/client";

export interface CustomerCommits {
  customerId: string;
  /** Live customer-level commits, in the order Metronome listed them. */
  live: Commit[];
  /** How many archived commits were skipped. */
  archived: number;
}

/** Lists every customer's commits, one customer after the other (the order given). */
export async function listCustomerCommits(client: MetronomeClient, customerIds: readonly string[]): Promise<CustomerCommits[]> {
  const out: CustomerCommits[] = [];
  for (const customerId of customerIds) {
    const live: Commit[] = [];
    let archived = 0;
    // Customer-level commits only (the default): contract commits are not CustomerCommits.
    try {
      for await (const commit of client.commits.list({ customer_id: customerId, include_archived: true })) {
        if (commit.archived_at !== undefined && commit.archived_at !== null) archived++;
        else live.push(commit);
      }
      // The list answers an unknown customer like one without commits (its
      // spec declares only a 200): only a lookup tells a mistyped id apart.
      if (live.length === 0 && archived === 0) await client.customers.get(customerId);
    } catch (error) {
      throw new ListCommitsError(customerId, error);
    }
    out.push({ customerId, live, archived });
  }
  return out;
}

/** Listing one customer's commits failed; names the customer. */
export class ListCommitsError extends Error {
  override readonly name = "ListCommitsError";
  constructor(
    readonly customerId: string,
    cause: unknown,
  ) {
    super(`cannot list the commits of customer ${customerId}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
