// `client.contracts`: the contracts a commit may be invoiced on.

import type { CreateContractBody } from "../../api/wire";
import { ENDPOINTS } from "../endpoints";
import { idOf, type EntityRef } from "../responses";
import type { ResourceContext, WriteOptions } from "./context";

export class Contracts {
  readonly #context: ResourceContext;

  constructor(context: ResourceContext) {
    this.#context = context;
  }

  async create(body: CreateContractBody, opts?: WriteOptions): Promise<EntityRef> {
    const endpoint = ENDPOINTS.contracts.create;
    return idOf(await this.#context.call(endpoint, { body, ...opts }), endpoint);
  }
}
