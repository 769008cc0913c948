// customerCredits/create and customerCredits/list. Credits share the
// commits' uniqueness-key space, creation counter, list filters and paging.

import { randomUUID } from "node:crypto";
import { conflict } from "../errors";
import { parseCreateCredit } from "../rules/credit-create";
import type { CreditRecord } from "../model";
import { CREATED_BY, UNIQUENESS_KEY_USED } from "./commits";
import { renderCredit } from "./credit-view";
import { pageOf, parseListQuery } from "./list-query";
import type { Route } from "./types";

const create: Route = {
  method: "POST",
  path: "/v1/contracts/customerCredits/create",
  handler: ({ body, store, now }) => {
    const parsed = parseCreateCredit(store.state, body);
    // A key a commit used refuses a credit too, and the other way round.
    if (parsed.uniqueness_key !== undefined && store.commitOrCreditKeyUsed(parsed.uniqueness_key)) {
      throw conflict(UNIQUENESS_KEY_USED);
    }
    const credit: CreditRecord = {
      ...parsed,
      seq: store.nextSeq(),
      id: randomUUID(),
      created_at: new Date(now).toISOString(),
      created_by: CREATED_BY,
    };
    store.state.credits[credit.id] = credit;
    return { body: { data: { id: credit.id } } };
  },
};

const list: Route = {
  method: "POST",
  path: "/v1/contracts/customerCredits/list",
  handler: ({ body, store, now, ignoreUnsourced }) => {
    // `include_contract_credits` is accepted; the emulator has no contract-level credits to add.
    const q = parseListQuery(body, "credit_id", ["include_contract_credits"]);
    // Only a 200 is declared for this path too: an unknown customer has no credits.
    const { page, next_page } = pageOf(Object.values(store.state.credits), q);
    const opts = { includeBalance: q.includeBalance, includeLedgers: q.includeLedgers, now, productIdsAsSpecifiers: ignoreUnsourced };
    return { body: { data: page.map((c) => renderCredit(store.state, c, opts)), next_page } };
  },
};

export const creditRoutes: Route[] = [create, list];
