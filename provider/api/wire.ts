// The Metronome commit API's JSON shapes, exactly as they travel on the wire
// (snake_case). Types only: the pure core maps canonical inputs to these
// payloads and read-back commits to outputs; the client sends and receives
// them. Facts from docs/metronome-api.md.

export type CommitType = "PREPAID" | "POSTPAID";
export type RateType = "COMMIT_RATE" | "LIST_RATE";
export type RecurringFrequency = "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL" | "ANNUAL";
export type AmountDistribution = "DIVIDED" | "DIVIDED_ROUNDED" | "EACH";

/** The USD (cents) credit type: the default for both schedules. */
export const USD_CENTS_CREDIT_TYPE_ID = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";

// ---- create ---------------------------------------------------------------

export interface AccessScheduleItemInput {
  amount: number;
  starting_at: string;
  ending_before: string;
}

export interface InvoiceScheduleItemInput {
  timestamp: string;
  amount?: number;
  quantity?: number;
  unit_price?: number;
}

export interface RecurringScheduleInput {
  amount_distribution: AmountDistribution;
  frequency: RecurringFrequency;
  starting_at: string;
  ending_before: string;
  amount?: number;
  quantity?: number;
  unit_price?: number;
}

export interface SpecifierInput {
  product_id?: string;
  product_tags?: string[];
  pricing_group_values?: Record<string, string>;
  presentation_group_values?: Record<string, string>;
}

export interface CreateCommitBody {
  customer_id: string;
  type: CommitType;
  product_id: string;
  priority: number;
  access_schedule: {
    credit_type_id?: string;
    schedule_items: AccessScheduleItemInput[];
  };
  invoice_schedule?: {
    credit_type_id?: string;
    do_not_invoice?: boolean;
    schedule_items?: InvoiceScheduleItemInput[];
    recurring_schedule?: RecurringScheduleInput;
  };
  invoice_contract_id?: string;
  applicable_contract_ids?: string[];
  applicable_product_ids?: string[];
  applicable_product_tags?: string[];
  specifiers?: SpecifierInput[];
  name?: string;
  description?: string;
  custom_fields?: Record<string, string>;
  netsuite_sales_order_id?: string;
  salesforce_opportunity_id?: string;
  rate_type?: RateType;
  uniqueness_key?: string;
}

/** Every write answers with the id of the commit it touched. */
export interface IdResponse {
  data: { id: string };
}

// ---- list / read-back -----------------------------------------------------

export interface ListCommitsBody {
  customer_id: string;
  commit_id?: string;
  covering_date?: string;
  starting_at?: string;
  effective_before?: string;
  include_archived?: boolean;
  include_balance?: boolean;
  include_contract_commits?: boolean;
  include_ledgers?: boolean;
  limit?: number;
  next_page?: string;
}

export interface CreditTypeRef {
  id: string;
  name: string;
}

export interface AccessScheduleItem {
  id: string;
  amount: number;
  starting_at: string;
  ending_before: string;
}

export interface InvoiceScheduleItem {
  id: string;
  timestamp: string;
  amount: number;
  quantity: number;
  unit_price: number;
  invoice_id?: string | null;
}

/** A commit as `customerCommits/list` returns it. */
export interface Commit {
  id: string;
  type: CommitType;
  product: { id: string; name: string };
  created_at: string;
  rate_type?: RateType;
  name?: string;
  description?: string;
  priority?: number;
  access_schedule?: {
    credit_type?: CreditTypeRef;
    schedule_items: AccessScheduleItem[];
  };
  invoice_schedule?: {
    credit_type?: CreditTypeRef;
    do_not_invoice?: boolean;
    schedule_items?: InvoiceScheduleItem[];
  };
  invoice_contract?: { id: string };
  contract?: { id: string };
  applicable_contract_ids?: string[];
  applicable_product_ids?: string[];
  applicable_product_tags?: string[];
  /** Which child contracts may draw the commit down; set in Metronome (the provider never sends it). */
  hierarchy_configuration?: { child_access?: { type?: string; contract_ids?: string[] } } | null;
  specifiers?: SpecifierInput[];
  custom_fields?: Record<string, string>;
  netsuite_sales_order_id?: string;
  salesforce_opportunity_id?: string;
  uniqueness_key?: string;
  archived_at?: string;
  created_by?: string;
  balance?: number;
}

export interface ListCommitsResponse {
  data: Commit[];
  next_page: string | null;
}

// ---- changes after creation ----------------------------------------------

export interface EditCommitBody {
  customer_id: string;
  commit_id: string;
  name?: string;
  description?: string;
  priority?: number | null;
  product_id?: string;
  rate_type?: RateType;
  invoice_contract_id?: string;
  applicable_contract_ids?: string[] | null;
  applicable_product_ids?: string[] | null;
  applicable_product_tags?: string[] | null;
  specifiers?: SpecifierInput[] | null;
  access_schedule?: {
    add_schedule_items?: AccessScheduleItemInput[];
    update_schedule_items?: Array<{ id: string; amount?: number; starting_at?: string; ending_before?: string }>;
    remove_schedule_items?: Array<{ id: string }>;
  };
  invoice_schedule?: {
    add_schedule_items?: InvoiceScheduleItemInput[];
    update_schedule_items?: Array<{
      id: string;
      timestamp?: string;
      amount?: number;
      quantity?: number;
      unit_price?: number;
    }>;
    remove_schedule_items?: Array<{ id: string }>;
  };
}

export interface UpdateEndDateBody {
  customer_id: string;
  commit_id: string;
  access_ending_before?: string;
  invoices_ending_before?: string;
}

export interface ArchiveCommitBody {
  customer_id: string;
  commit_id: string;
}

export interface SetCustomFieldValuesBody {
  entity: "commit";
  entity_id: string;
  custom_fields: Record<string, string>;
}

export interface DeleteCustomFieldValuesBody {
  entity: "commit";
  entity_id: string;
  keys: string[];
}

// ---- what commits refer to (set-up endpoints) ------------------------------

export interface CreateCustomerBody {
  name: string;
  ingest_aliases?: string[];
  external_id?: string;
  custom_fields?: Record<string, string>;
}

export interface Customer {
  id: string;
  name: string;
  external_id?: string;
  ingest_aliases?: string[];
  custom_fields?: Record<string, string>;
}

export interface CreateProductBody {
  name: string;
  type: "FIXED" | "USAGE" | "COMPOSITE" | "SUBSCRIPTION" | "PRO_SERVICE";
  tags?: string[];
}

export interface CreateContractBody {
  customer_id: string;
  starting_at: string;
  ending_before?: string;
  name?: string;
  uniqueness_key?: string;
}

export interface CreditType {
  id: string;
  name: string;
  is_currency: boolean;
}

export interface ListCreditTypesResponse {
  data: CreditType[];
  next_page: string | null;
}

/** Metronome's error body: every 4xx carries `message`, some add `code`. */
export interface ErrorBody {
  message: string;
  code?: string;
}

/** `POST /v1/customers` answers with the whole customer. */
export interface CreateCustomerResponse {
  data: Customer;
}

/** Entities a custom-field key can be registered for (`/v1/customFields/addKey`). */
export type CustomFieldEntity =
  | "alert"
  | "billable_metric"
  | "charge"
  | "commit"
  | "contract_credit"
  | "contract_product"
  | "contract"
  | "credit_grant"
  | "customer_plan"
  | "customer"
  | "discount"
  | "invoice"
  | "plan"
  | "professional_service"
  | "product"
  | "rate_card"
  | "scheduled_charge"
  | "subscription"
  | "package_commit"
  | "package_credit"
  | "package_subscription"
  | "package_scheduled_charge";

/** Custom-field keys must be on the allow-list before a commit may carry them. */
export interface AddCustomFieldKeyBody {
  entity: CustomFieldEntity;
  key: string;
  enforce_uniqueness: boolean;
}

/** `GET /v1/credit-types/list` pages by query string, unlike the commit list. */
export interface ListCreditTypesQuery {
  limit?: number;
  next_page?: string;
}
