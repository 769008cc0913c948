// The customer-credit endpoints' wire shapes (snake_case, as they travel).
// A credit is a commit without an invoice: free balance the customer draws
// down. Unlike a commit, the list answer carries neither `created_at` nor
// `archived_at`, so nothing in a listed credit says it is archived.

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

/** `customerCredits/create`: the shared fields only (no type, no invoicing). */
export interface CreateCreditBody extends SharedCreateBody {}

export interface ListCreditsBody {
  customer_id: string;
  credit_id?: string;
  covering_date?: string;
  starting_at?: string;
  effective_before?: string;
  include_archived?: boolean;
  include_balance?: boolean;
  include_contract_credits?: boolean;
  include_ledgers?: boolean;
  limit?: number;
  next_page?: string;
}

/** A credit as `customerCredits/list` returns it. */
export interface Credit {
  id: string;
  type: "CREDIT";
  product: { id: string; name: string };
  access_schedule: {
    credit_type?: CreditTypeRef;
    schedule_items: AccessScheduleItem[];
  };
  applicable_contract_ids?: string[];
  applicable_product_ids?: string[];
  applicable_product_tags?: string[];
  specifiers?: SpecifierInput[];
  custom_fields?: Record<string, string>;
  description?: string;
  name?: string;
  priority?: number;
  rate_type?: RateType;
  netsuite_sales_order_id?: string;
  salesforce_opportunity_id?: string;
  uniqueness_key?: string;
  hierarchy_configuration?: HierarchyConfiguration;
  contract?: { id: string };
  balance?: number;
  created_by?: string;
}

export interface ListCreditsResponse {
  data: Credit[];
  next_page: string | null;
}

/** `v2/contracts/credits/edit`: the shared fields as for a commit; schedule changes are deltas. */
export interface EditCreditBody extends SharedEditBody {
  credit_id: string;
}

/** `customerCredits/updateEndDate`: moves a credit's access end earlier (required here, unlike commits). */
export interface UpdateCreditEndDateBody {
  customer_id: string;
  credit_id: string;
  access_ending_before: string;
}

export interface ArchiveCreditBody {
  customer_id: string;
  credit_id: string;
}
