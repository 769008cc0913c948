// Wire shapes of what commits and credits refer to: customers, products,
// contracts and credit types (the set-up endpoints).

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

/** `POST /v1/customers` answers with the whole customer. */
export interface CreateCustomerResponse {
  data: Customer;
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

/** `GET /v1/credit-types/list` pages by query string, unlike the commit and credit lists. */
export interface ListCreditTypesQuery {
  limit?: number;
  next_page?: string;
}
