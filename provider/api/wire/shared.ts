// Wire shapes that commits, credits and the set-up endpoints share
// (snake_case, exactly as Metronome sends and receives them).

export type RateType = "COMMIT_RATE" | "LIST_RATE";

/** The USD (cents) credit type: the default for both schedules. */
export const USD_CENTS_CREDIT_TYPE_ID = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";

export interface AccessScheduleItemInput {
  amount: number;
  starting_at: string;
  ending_before: string;
}

export interface SpecifierInput {
  product_id?: string;
  product_tags?: string[];
  pricing_group_values?: Record<string, string>;
  presentation_group_values?: Record<string, string>;
}

export interface CreditTypeRef {
  id: string;
  name: string;
}

/** An access-schedule item as the list endpoints return it. */
export interface AccessScheduleItem {
  id: string;
  amount: number;
  starting_at: string;
  ending_before: string;
}

/** An access schedule changed in place: deltas by schedule-item id. */
export interface AccessScheduleEdit {
  add_schedule_items?: AccessScheduleItemInput[];
  update_schedule_items?: Array<{ id: string; amount?: number; starting_at?: string; ending_before?: string }>;
  remove_schedule_items?: Array<{ id: string }>;
}

/** Which child contracts may draw a commit or credit down; set in Metronome. */
export interface HierarchyConfiguration {
  child_access?: { type?: string; contract_ids?: string[] };
}

/** Every commit or credit write answers with the id of what it touched. */
export interface IdResponse {
  data: { id: string };
}

/** Metronome's error body: every 4xx carries `message`, some add `code`. */
export interface ErrorBody {
  message: string;
  code?: string;
}

/** The create-body fields commits and credits share (`customerCommits/create`, `customerCredits/create`). */
export interface SharedCreateBody {
  customer_id: string;
  product_id: string;
  priority: number;
  access_schedule: {
    credit_type_id?: string;
    schedule_items: AccessScheduleItemInput[];
  };
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

/** The edit-body fields commits and credits share (`/v2/contracts/commits/edit`, `.../credits/edit`); `null` clears a list. */
export interface SharedEditBody {
  customer_id: string;
  name?: string;
  description?: string;
  priority?: number | null;
  product_id?: string;
  rate_type?: RateType;
  applicable_contract_ids?: string[] | null;
  applicable_product_ids?: string[] | null;
  applicable_product_tags?: string[] | null;
  specifiers?: SpecifierInput[] | null;
  access_schedule?: AccessScheduleEdit;
  hierarchy_configuration?: HierarchyConfiguration;
}
