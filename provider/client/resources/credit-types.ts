// `client.creditTypes`: the pricing units schedules are counted in.

import type { CreditType, ListCreditTypesQuery, ListCreditTypesResponse } from "../../api/wire";
import { ENDPOINTS } from "../endpoints";
import { asPage } from "../responses";
import type { ResourceContext } from "./context";

export class CreditTypes {
  readonly #context: ResourceContext;

  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /** One page of credit types; this endpoint pages by query string. */
  async list(query: ListCreditTypesQuery = {}): Promise<ListCreditTypesResponse> {
    const endpoint = ENDPOINTS.creditTypes.list;
    return asPage<CreditType>(await this.#context.call(endpoint, { query: { ...query } }), endpoint);
  }
}
