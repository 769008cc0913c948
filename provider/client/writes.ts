// What the client tells its write observers: every commit, credit and
// custom-field write, once before the request is sent and once when it has
// ended, answered or failed. Reads are never told.

/** The records whose writes observers hear about. */
export type WriteEntity = "commit" | "credit";

export interface ClientWrite {
  /** A create adds a record and changes none; any other write changes the record it names. */
  kind: "create" | "change";
  phase: "start" | "end";
  /**
   * What was written. A custom-field write names it in its body (`commit` or
   * `contract_credit`); undefined when that body names some other entity type.
   */
  entity: WriteEntity | undefined;
  /** The customer, when the request names it (custom-field writes name only the record). */
  customerId: string | undefined;
  /** The record written: named by the request, or answered by a successful create. */
  entityId: string | undefined;
}

export type WriteObserver = (write: ClientWrite) => void;

/** A write about to be sent; `entityId` is asked again at the end, when a create knows it. */
export interface PendingWrite {
  kind: ClientWrite["kind"];
  entity: WriteEntity | undefined;
  customerId: string | undefined;
  entityId: () => string | undefined;
}
