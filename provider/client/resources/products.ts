// `client.products`: the products commits and credits are sold as.

import type { CreateProductBody } from "../../api/wire";
import { ENDPOINTS } from "../endpoints";
import { idOf, type EntityRef } from "../responses";
import type { ResourceContext, WriteOptions } from "./context";

export class Products {
  readonly #context: ResourceContext;

  constructor(context: ResourceContext) {
    this.#context = context;
  }

  async create(body: CreateProductBody, opts?: WriteOptions): Promise<EntityRef> {
    const endpoint = ENDPOINTS.products.create;
    return idOf(await this.#context.call(endpoint, { body, ...opts }), endpoint);
  }
}
