// The customer-commit endpoints' wire shapes (snake_case, as they travel).

import type {
  AccessScheduleEdit,
  AccessScheduleItem,
  AccessScheduleItemInput,
  CreditTypeRef,
  HierarchyConfiguration,
  RateType,
  SharedCreateBody,
  SharedEditBody,
  SpecifierInput,
} from "./shared";

export type CommitType = "PREPAID" | "POSTPAID";
export type RecurringFrequency = "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL" | "ANNUAL";
export type AmountDistribution = "DIVIDED" | "DIVIDED_ROUNDED" | "EACH";

// ---- create ---------------------------------------------------------------

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

export interface CreateCommitBody extends SharedCreateBody {
  type: CommitType;
  invoice_schedule?: {
    credit_type_id?: string;
    do_not_invoice?: boolean;
    schedule_items?: InvoiceScheduleItemInput[];
    recurring_schedule?: RecurringScheduleInput;
  };
  invoice_contract_id?: string;
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
  hierarchy_configuration?: HierarchyConfiguration | null;
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

export interface EditCommitBody extends SharedEditBody {
  commit_id: string;
  invoice_contract_id?: string;
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

/** `customerCommits/updateEndDate`: moves a PREPAID commit's access and/or invoice end earlier. */
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
