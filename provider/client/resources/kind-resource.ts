// The one implementation of `KindEndpoints`: each kind supplies its
// endpoints, how its list filters by id, and which body field names the
// record a change is about.

import type { Endpoint } from "../endpoints";
import { paginateBodyCursor, type CursorPage } from "../pagination";
import { asPage, idOf, type EntityRef } from "../responses";
import type { WriteEntity } from "../writes";
import type { ResourceContext, WriteOptions } from "./context";
import type { GetOptions, KindEndpoints, KindWireTypes } from "./kind-endpoints";

export interface KindSpec<T extends KindWireTypes> {
  entity: WriteEntity;
  endpoints: Readonly<Record<"create" | "list" | "updateEndDate" | "edit" | "archive", Endpoint>>;
  /** The list body that asks for one record by id. */
  byId(customerId: string, id: string, includeArchived: boolean): T["list"];
  /** The record a change body names. */
  target(body: T["updateEndDate"] | T["edit"] | T["archive"]): string;
}

export class KindResource<T extends KindWireTypes> implements KindEndpoints<T> {
  readonly entity: WriteEntity;
  readonly #context: ResourceContext;
  readonly #spec: KindSpec<T>;

  constructor(context: ResourceContext, spec: KindSpec<T>) {
    this.#context = context;
    this.#spec = spec;
    this.entity = spec.entity;
  }

  async create(body: T["create"], opts?: WriteOptions): Promise<EntityRef> {
    const endpoint = this.#spec.endpoints.create;
    let ref: EntityRef | undefined;
    const write = { kind: "create", entity: this.entity, customerId: body.customer_id, entityId: () => ref?.id } as const;
    return this.#context.observed(write, async () => {
      ref = idOf(await this.#context.call(endpoint, { body, ...opts }), endpoint);
      return ref;
    });
  }

  async listPage(body: T["list"]): Promise<CursorPage<T["record"]>> {
    const endpoint = this.#spec.endpoints.list;
    return asPage<T["record"]>(await this.#context.call(endpoint, { body }), endpoint);
  }

  list(body: T["list"]): AsyncGenerator<T["record"], void, undefined> {
    return paginateBodyCursor((page: T["list"]) => this.listPage(page), body);
  }

  async listAll(body: T["list"]): Promise<Array<T["record"]>> {
    const all: Array<T["record"]> = [];
    for await (const record of this.list(body)) all.push(record);
    return all;
  }

  async get(customerId: string, id: string, opts: GetOptions = {}): Promise<T["record"] | undefined> {
    const page = await this.listPage(this.#spec.byId(customerId, id, opts.includeArchived ?? true));
    return page.data.find((record) => record.id === id);
  }

  updateEndDate(body: T["updateEndDate"], opts?: WriteOptions): Promise<EntityRef> {
    return this.#change(this.#spec.endpoints.updateEndDate, body, opts);
  }

  edit(body: T["edit"], opts?: WriteOptions): Promise<EntityRef> {
    return this.#change(this.#spec.endpoints.edit, body, opts);
  }

  archive(body: T["archive"], opts?: WriteOptions): Promise<EntityRef> {
    return this.#change(this.#spec.endpoints.archive, body, opts);
  }

  async #change(endpoint: Endpoint, body: T["updateEndDate"] | T["edit"] | T["archive"], opts: WriteOptions | undefined): Promise<EntityRef> {
    const entityId = this.#spec.target(body);
    const write = { kind: "change", entity: this.entity, customerId: body.customer_id, entityId: () => entityId } as const;
    return this.#context.observed(write, async () => idOf(await this.#context.call(endpoint, { body, ...opts }), endpoint));
  }
}
