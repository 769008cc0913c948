// The typed change model: what the plan does to each commit and credit, in
// money terms. Built from preview steps by build.ts, rendered by render-*.ts.
// Amounts are in units of their credit type (USD cents by default), as in
// the inputs.

import type { Opaque, OpaqueKind, Val } from "./values";

/**
 * What happens to a commit or credit. `adopt` is a create that takes over an
 * existing one (the kind's `existingIdField`); the last three are the removal
 * policies (`onDelete`).
 */
export type Action = "create" | "adopt" | "edit" | "replace" | "archive" | "endAccess" | "forget";
export const REMOVAL_ACTIONS = ["archive", "endAccess", "forget"] as const;
export type RemovalPolicy = (typeof REMOVAL_ACTIONS)[number];

export interface AccessItem {
  /** Metronome's schedule-item id (old side only). */
  id?: string;
  amount: Val<number>;
  startingAt: Val<string>;
  endingBefore: Val<string>;
}

export interface InvoiceItem {
  id?: string;
  timestamp: Val<string>;
  /** What the invoice bills: `amount`, or `quantity` × `unitPrice`. */
  amount: Val<number>;
}

export interface RecurringInvoices {
  frequency: Val<string>;
  distribution: Val<string>;
  startingAt: Val<string>;
  endingBefore: Val<string>;
  amount: Val<number>;
}

export type Invoicing =
  | { kind: "none" }
  | { kind: "doNotInvoice"; creditTypeId: Val<string> }
  | { kind: "items"; creditTypeId: Val<string>; items: InvoiceItem[] }
  | { kind: "recurring"; creditTypeId: Val<string>; recurring: RecurringInvoices }
  | { kind: "opaque"; value: Opaque };

/** One side (before or after) of a commit or credit, read from preview properties. */
export interface Snapshot {
  /** The Metronome id (known for commits and credits that exist). */
  id?: string;
  customerId: Val<string>;
  productId: Val<string>;
  /** PREPAID or POSTPAID: commits only (a credit has no type). */
  type?: Val<string>;
  name?: Val<string>;
  creditTypeId: Val<string>;
  access: Val<AccessItem[]>;
  /** The value granted (committed or credited): the sum of the access amounts. */
  value: Val<number>;
  /** Commits only: a credit is never invoiced. */
  invoicing?: Invoicing;
  onDelete: Val<string>;
  /** Set when Metronome had already archived the commit at the last refresh (credits never say). */
  archivedAt?: string;
  /** The kind's `existingIdField`: the resource adopts this one instead of creating one. */
  adopts?: Val<string>;
}

/** A property that changes; values are canonical, with Opaque markers; undefined = not set. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export type ItemChange =
  | { schedule: "access"; kind: "update" | "add" | "remove"; id?: string; before?: AccessItem; after?: AccessItem }
  | { schedule: "invoice"; kind: "update" | "add" | "remove"; id?: string; before?: InvoiceItem; after?: InvoiceItem };

export interface ReplaceReason {
  property: string;
  /** What about it cannot change in place, as a reviewer reads it (the kind's replace-only table). */
  what: string;
  before: unknown;
  after: unknown;
  /** The new value is unknown until apply, so it may turn out unchanged. */
  unknownUntilApply: boolean;
}

/** What `endAccess` would do if applied at `endsAt` (the next whole hour after `asOf`). */
export interface EndAccessEstimate {
  asOf: string;
  endsAt: string;
  /** Access items starting at or after `endsAt`: removed. */
  droppedAccess: AccessItem[];
  /** The value those items carry. */
  lostValue: Val<number>;
  /** Invoice items dated at or after `endsAt`: not issued. */
  droppedInvoices: InvoiceItem[];
  /** Why Metronome will refuse (the delete then fails and nothing changes). */
  refusal?: string;
  /** All access had already ended: nothing to do. */
  alreadyEnded?: boolean;
}

/** What happens to an existing commit or credit that leaves the stack. */
export interface Removal {
  policy: RemovalPolicy;
  /** `retainOnDelete` is set: Pulumi drops it from state without calling the provider. */
  retained: boolean;
  endAccess?: EndAccessEstimate;
}

/** A contribution to the net change in committed (or credited) value. */
export interface Delta {
  customerId: Val<string>;
  creditTypeId: Val<string>;
  amount: Val<number>;
}

export interface Change {
  /** The kind's noun: "commit" or "credit" (kinds.ts). */
  kind: string;
  action: Action;
  /** The resource name (from the URN). */
  name: string;
  urn: string;
  before?: Snapshot;
  after?: Snapshot;
  /** Changed properties other than schedule items (edit and replace). */
  fields: FieldChange[];
  /** Schedule items added, updated (matched by id) or removed (edit and replace). */
  items: ItemChange[];
  replaceReasons: ReplaceReason[];
  /** Every replace reason is a value unknown until apply: the replacement may not happen. */
  replaceUncertain: boolean;
  removal?: Removal;
  deltas: Delta[];
  /** Facts the reviewer should know (e.g. an edit Metronome cannot make). */
  notes: string[];
  /** Other resources of the plan that still declare what this change archives or ends (still-declared.ts). */
  stillDeclaredBy?: string[];
  protect: boolean;
}

export interface TotalRow {
  customerId: Val<string>;
  creditTypeId: Val<string>;
  /** The known part of the net change. */
  net: number;
  /** Parts of the net change the preview does not show. */
  pending: OpaqueKind[];
}

export interface Totals {
  byCustomer: TotalRow[];
  /** Per credit type, all customers. */
  overall: Array<Omit<TotalRow, "customerId">>;
}

export interface GateResult {
  failed: boolean;
  reasons: string[];
}

export interface Review {
  changes: Change[];
  /** The net change in committed value: commits only. */
  totals: Totals;
  /** The net change in credited value: credits only, apart from the commits'. */
  creditTotals: Totals;
  unchanged: number;
  /** Steps on commits and credits the review does not summarize. */
  other: Array<{ op: string; name: string }>;
  /** Error diagnostics of the preview: the plan is incomplete. */
  errors: string[];
  asOf: string;
  gate?: GateResult;
}
