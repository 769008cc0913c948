// The records the emulator keeps. They are close to the wire (snake_case)
// so persistence is a plain JSON dump, but they hold references as ids and
// instants in the answer form; routes/commit-view.ts and routes/credit-view.ts
// render them for reads.

export type CommitType = "PREPAID" | "POSTPAID";
export type RateType = "COMMIT_RATE" | "LIST_RATE";
export const COMMIT_TYPES: readonly CommitType[] = ["PREPAID", "POSTPAID"];
export const RATE_TYPES: readonly RateType[] = ["COMMIT_RATE", "LIST_RATE"];
export const PRODUCT_TYPES = ["FIXED", "USAGE", "COMPOSITE", "SUBSCRIPTION", "PROFESSIONAL_SERVICE", "PRO_SERVICE"] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export interface CustomerRecord {
  id: string;
  name: string;
  external_id: string;
  ingest_aliases: string[];
  custom_fields: Record<string, string>;
  /** Absent in data files written before it was recorded. */
  created_at?: string;
}

export interface ProductRecord {
  id: string;
  name: string;
  type: ProductType;
  tags: string[];
}

export interface ContractRecord {
  id: string;
  customer_id: string;
  starting_at: string;
  ending_before?: string;
  name?: string;
  uniqueness_key?: string;
}

export interface CreditTypeRecord {
  id: string;
  name: string;
  is_currency: boolean;
}

export interface CustomFieldKeyRecord {
  entity: string;
  key: string;
  enforce_uniqueness: boolean;
}

export interface AccessItem {
  id: string;
  amount: number;
  starting_at: string;
  ending_before: string;
  /** Set by the finalize control endpoint: usage in this segment was invoiced. */
  on_finalized_invoice?: boolean;
}

export interface InvoiceItem {
  id: string;
  timestamp: string;
  amount: number;
  quantity: number;
  unit_price: number;
  /** Set once the item's invoice is finalized; such an item is frozen. */
  invoice_id: string | null;
}

export interface Specifier {
  product_id?: string;
  product_tags?: string[];
  pricing_group_values?: Record<string, string>;
  presentation_group_values?: Record<string, string>;
}

export type HierarchyConfiguration = {
  child_access: { type: "ALL" } | { type: "NONE" } | { type: "CONTRACT_IDS"; contract_ids: string[] };
};

export interface CommitRecord {
  /** Creation order; the list endpoint's stable sort key and cursor. */
  seq: number;
  id: string;
  customer_id: string;
  type: CommitType;
  rate_type: RateType;
  priority: number;
  product_id: string;
  name?: string;
  description?: string;
  access_schedule: { credit_type_id: string; schedule_items: AccessItem[] };
  invoice_schedule?: { credit_type_id: string; do_not_invoice: boolean; schedule_items: InvoiceItem[] };
  invoice_contract_id?: string;
  applicable_contract_ids?: string[];
  applicable_product_ids?: string[];
  applicable_product_tags?: string[];
  specifiers?: Specifier[];
  hierarchy_configuration?: HierarchyConfiguration;
  custom_fields: Record<string, string>;
  netsuite_sales_order_id?: string;
  salesforce_opportunity_id?: string;
  uniqueness_key?: string;
  archived_at?: string;
  created_at: string;
  created_by: string;
}

/**
 * A customer-level credit: a free balance with an access schedule only (no
 * type, no invoice schedule, no invoice contract). `archived_at` and
 * `created_at` are kept for the emulator's own use; the list endpoint's
 * `Credit` answers neither.
 */
export interface CreditRecord {
  /** Creation order, from the same counter as commits. */
  seq: number;
  id: string;
  customer_id: string;
  rate_type: RateType;
  priority: number;
  product_id: string;
  name?: string;
  description?: string;
  access_schedule: { credit_type_id: string; schedule_items: AccessItem[] };
  applicable_contract_ids?: string[];
  applicable_product_ids?: string[];
  applicable_product_tags?: string[];
  specifiers?: Specifier[];
  hierarchy_configuration?: HierarchyConfiguration;
  custom_fields: Record<string, string>;
  netsuite_sales_order_id?: string;
  salesforce_opportunity_id?: string;
  uniqueness_key?: string;
  archived_at?: string;
  created_at: string;
  created_by: string;
}

export interface IdempotencyRecord {
  path: string;
  bodyHash: string;
  status: number;
  body: unknown;
  storedAt: string;
}

export interface State {
  version: 1;
  seq: number;
  customers: Record<string, CustomerRecord>;
  products: Record<string, ProductRecord>;
  contracts: Record<string, ContractRecord>;
  creditTypes: CreditTypeRecord[];
  customFieldKeys: CustomFieldKeyRecord[];
  commits: Record<string, CommitRecord>;
  /** Absent in data files written before credits existed; filled in empty at load. */
  credits: Record<string, CreditRecord>;
  /** Keyed by sha256(token) + ":" + Idempotency-Key; the token itself is never stored. */
  idempotency: Record<string, IdempotencyRecord>;
}
