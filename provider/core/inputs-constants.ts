// The enums of the inputs, as values (the types are in inputs.ts).

export const COMMIT_TYPES = ["PREPAID", "POSTPAID"] as const;
export const RATE_TYPES = ["COMMIT_RATE", "LIST_RATE"] as const;
export const FREQUENCIES = ["MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"] as const;
export const AMOUNT_DISTRIBUTIONS = ["DIVIDED", "DIVIDED_ROUNDED", "EACH"] as const;
/** What removing the resource does: archive it, end its access now, or just stop managing it. */
export const ON_DELETE = ["archive", "endAccess", "forget"] as const;
