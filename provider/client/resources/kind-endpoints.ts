// The calls commits and credits share. Metronome serves both kinds through
// parallel endpoints with parallel bodies, so one interface describes them
// and code that handles either kind can be written once over it.

import type { CursorPage } from "../pagination";
import type { EntityRef } from "../responses";
import type { WriteEntity } from "../writes";
import type { WriteOptions } from "./context";

/** The wire types of one kind: what it lists, and the body of each call. */
export interface KindWireTypes {
  record: { id: string };
  create: { customer_id: string };
  list: { customer_id: string; next_page?: string };
  updateEndDate: { customer_id: string };
  edit: { customer_id: string };
  archive: { customer_id: string };
}

export interface GetOptions {
  /** Whether an archived record is found too. Default true. */
  includeArchived?: boolean;
}

export interface KindEndpoints<T extends KindWireTypes> {
  /** Which kind this is, as write observers are told. */
  readonly entity: WriteEntity;
  /** Creates a customer-level record. Never retried except on 429. */
  create(body: T["create"], opts?: WriteOptions): Promise<EntityRef>;
  /** One page of a customer's records; `limit` and `next_page` go in `body`. */
  listPage(body: T["list"]): Promise<CursorPage<T["record"]>>;
  /** Every record matching `body`, page after page, fetched lazily. */
  list(body: T["list"]): AsyncGenerator<T["record"], void, undefined>;
  listAll(body: T["list"]): Promise<Array<T["record"]>>;
  /**
   * One record; undefined when Metronome does not know it. Metronome has no
   * get-by-id, so this is a list filtered by the record's id.
   */
  get(customerId: string, id: string, opts?: GetOptions): Promise<T["record"] | undefined>;
  /** Moves the access end earlier. */
  updateEndDate(body: T["updateEndDate"], opts?: WriteOptions): Promise<EntityRef>;
  /** Edits the record in place; schedule changes are deltas by schedule-item id. */
  edit(body: T["edit"], opts?: WriteOptions): Promise<EntityRef>;
  /** Archives the record. */
  archive(body: T["archive"], opts?: WriteOptions): Promise<EntityRef>;
}
