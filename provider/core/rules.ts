// Metronome's cross-field rules (docs/metronome-api.md), as pure checks
// that each yield `{ path, message }` issues. They run on the raw inputs
// (before canonical sorting) so that array indices in paths are the ones the
// user wrote. They are defensive: a value of the wrong type is left to the
// schema, and any rule that would have to look at Pulumi's unknown sentinel
// is skipped, because during preview the real value may well be valid.

import {
  AMOUNT_LIMIT,
  type Exact,
  amountProblem,
  compareExact,
  exactAmount,
  exactText,
  isRepresentable,
  multiplyExact,
} from "./money";
import { HOUR_MS, formatTimestamp, isWholeHour, parseTimestamp } from "./timestamps";
import { isUnknown } from "./unknown";
import { type Obj, type PathSegment, formatPath, isObj } from "./util";

export interface Issue {
  /** Dotted property path, array indices in brackets: `accessSchedule.scheduleItems[1].endingBefore`. */
  path: string;
  /** What is wrong and what is expected. */
  message: string;
}

/** Metronome's OpenAPI document, schema `UniquenessKeyForCommitsAndCredits`: minLength 1, maxLength 128. */
export const MAX_UNIQUENESS_KEY = 128;
/** @metronome/sdk `src/resources/v1/custom-fields.ts` (docs/metronome-api.md): keys at most 100 characters. */
export const MAX_CUSTOM_FIELD_KEY = 100;
/** The same source: values at most 200 characters. */
export const MAX_CUSTOM_FIELD_VALUE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---- safe readers -----------------------------------------------------------

/** The commit type when it is known and valid, else undefined (rule skipped). */
function typeOf(o: Obj): "PREPAID" | "POSTPAID" | undefined {
  const t = o.type;
  if (typeof t !== "string" || isUnknown(t)) return undefined;
  const u = t.toUpperCase();
  return u === "PREPAID" || u === "POSTPAID" ? u : undefined;
}

/** Present = given and not null (unknown counts as present). */
const present = (v: unknown): boolean => v !== undefined && v !== null;

/** A known, finite number. */
const knownNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Items of a known array, each with its index (non-objects skipped). */
function objectItems(v: unknown): Array<[number, Obj]> {
  if (!Array.isArray(v)) return [];
  const out: Array<[number, Obj]> = [];
  v.forEach((item, i) => {
    if (isObj(item)) out.push([i, item]);
  });
  return out;
}

/** A known non-empty array, or a known value that is not an array: "given". Unknown: undefined. */
function givenNonEmpty(v: unknown): boolean | undefined {
  if (isUnknown(v)) return undefined;
  if (Array.isArray(v)) return v.length > 0;
  return present(v);
}

/**
 * Total of an invoice item, exactly: amount, or unitPrice × quantity;
 * undefined if not all known or not exact (exactAmounts reports that).
 */
function invoiceTotal(item: Obj): Exact | undefined {
  if (present(item.amount)) return exactAmount(item.amount);
  const price = exactAmount(item.unitPrice);
  const quantity = exactAmount(item.quantity);
  if (price === undefined || quantity === undefined) return undefined;
  const total = multiplyExact(price, quantity);
  return isRepresentable(total) ? total : undefined;
}

const issue = (segments: PathSegment[], message: string): Issue => ({ path: formatPath(segments), message });

// ---- the rules --------------------------------------------------------------

export type Rule = (o: Obj) => Issue[];

/** POSTPAID commits are billed by a true-up invoice, so they need an invoice schedule. */
export const postpaidNeedsInvoiceSchedule: Rule = (o) =>
  typeOf(o) === "POSTPAID" && !present(o.invoiceSchedule)
    ? [issue(["invoiceSchedule"], "POSTPAID commits need an invoiceSchedule with exactly one schedule item (the true-up invoice)")]
    : [];

/** POSTPAID: exactly one access item. */
export const postpaidSingleAccessItem: Rule = (o) => {
  if (typeOf(o) !== "POSTPAID" || !isObj(o.accessSchedule)) return [];
  const items = o.accessSchedule.scheduleItems;
  if (!Array.isArray(items) || items.length === 1) return [];
  return [issue(["accessSchedule", "scheduleItems"], `POSTPAID commits take exactly one access schedule item (got ${items.length})`)];
};

/** POSTPAID: exactly one invoice item, and no recurring schedule. */
export const postpaidSingleInvoiceItem: Rule = (o) => {
  if (typeOf(o) !== "POSTPAID" || !isObj(o.invoiceSchedule)) return [];
  const s = o.invoiceSchedule;
  const out: Issue[] = [];
  if (present(s.recurringSchedule) && !isUnknown(s.recurringSchedule)) {
    out.push(issue(["invoiceSchedule", "recurringSchedule"], "POSTPAID commits cannot use a recurringSchedule; give exactly one invoiceSchedule.scheduleItems entry"));
  }
  if (Array.isArray(s.scheduleItems) && s.scheduleItems.length !== 1) {
    out.push(issue(["invoiceSchedule", "scheduleItems"], `POSTPAID commits take exactly one invoice schedule item (got ${s.scheduleItems.length})`));
  }
  return out;
};

/** POSTPAID: the invoiced total must equal the access amount. */
export const postpaidEqualTotals: Rule = (o) => {
  if (typeOf(o) !== "POSTPAID" || !isObj(o.accessSchedule) || !isObj(o.invoiceSchedule)) return [];
  const access = o.accessSchedule.scheduleItems;
  const invoice = o.invoiceSchedule.scheduleItems;
  if (!Array.isArray(access) || access.length !== 1 || !Array.isArray(invoice) || invoice.length !== 1) return [];
  const [a] = access;
  const [i] = invoice;
  if (!isObj(a) || !isObj(i)) return [];
  const granted = exactAmount(a.amount);
  const total = invoiceTotal(i);
  if (granted === undefined || total === undefined || compareExact(total, granted) === 0) return [];
  return [
    issue(["invoiceSchedule", "scheduleItems", 0], `POSTPAID invoice total ${exactText(total)} must equal the access amount ${exactText(granted)} exactly`),
  ];
};

/**
 * An invoice contract is needed wherever an invoice will be raised: POSTPAID
 * commits, and PREPAID commits with an invoice schedule, unless the schedule
 * says doNotInvoice.
 */
export const invoiceContractRequired: Rule = (o) => {
  const type = typeOf(o);
  if (type === undefined || present(o.invoiceContractId)) return [];
  const s = o.invoiceSchedule;
  if (isUnknown(s)) return [];
  if (isObj(s)) {
    if (isUnknown(s.doNotInvoice)) return [];
    if (s.doNotInvoice === true) return [];
  }
  const needed = type === "POSTPAID" || present(s);
  if (!needed) return [];
  const why = type === "POSTPAID" ? "POSTPAID commits" : "PREPAID commits with an invoiceSchedule";
  return [issue(["invoiceContractId"], `${why} need invoiceContractId (the contract the commit is invoiced on), unless invoiceSchedule.doNotInvoice is true`)];
};

/** The invoice schedule is either a list of items or one recurring schedule. */
export const invoiceScheduleOneOf: Rule = (o) => {
  const s = o.invoiceSchedule;
  if (!isObj(s) || isUnknown(s.scheduleItems) || isUnknown(s.recurringSchedule)) return [];
  const items = present(s.scheduleItems);
  const recurring = present(s.recurringSchedule);
  if (items && recurring) return [issue(["invoiceSchedule"], "give either scheduleItems or recurringSchedule, not both")];
  if (!items && !recurring) return [issue(["invoiceSchedule"], "give either scheduleItems or recurringSchedule")];
  return [];
};

function amountForm(item: Obj, at: PathSegment[]): Issue[] {
  if (isUnknown(item.amount) || isUnknown(item.unitPrice) || isUnknown(item.quantity)) return [];
  const amount = present(item.amount);
  const unitPrice = present(item.unitPrice);
  const quantity = present(item.quantity);
  if (amount && !unitPrice && !quantity) return [];
  if (!amount && unitPrice && quantity) return [];
  const got = [amount && "amount", unitPrice && "unitPrice", quantity && "quantity"].filter(Boolean).join(" + ") || "none";
  return [issue(at, `give either amount, or both unitPrice and quantity (got ${got})`)];
}

/** Invoice items (and the recurring schedule) give amount, or unitPrice and quantity. */
export const invoiceAmountForm: Rule = (o) => {
  const s = o.invoiceSchedule;
  if (!isObj(s)) return [];
  const out = objectItems(s.scheduleItems).flatMap(([i, item]) => amountForm(item, ["invoiceSchedule", "scheduleItems", i]));
  if (isObj(s.recurringSchedule)) out.push(...amountForm(s.recurringSchedule, ["invoiceSchedule", "recurringSchedule"]));
  return out;
};

/** Specifiers replace applicableProductIds/Tags; Metronome refuses both together. */
export const specifiersExclusive: Rule = (o) => {
  const specifiers = givenNonEmpty(o.specifiers);
  const ids = givenNonEmpty(o.applicableProductIds);
  const tags = givenNonEmpty(o.applicableProductTags);
  if (specifiers !== true || (ids !== true && tags !== true)) return [];
  const others = [ids === true && "applicableProductIds", tags === true && "applicableProductTags"].filter(Boolean).join(" and ");
  return [issue(["specifiers"], `specifiers cannot be combined with ${others}; express the products as specifiers instead`)];
};

/** Every timestamp in the inputs, with its path. */
function timestamps(o: Obj): Array<{ at: PathSegment[]; value: unknown }> {
  const out: Array<{ at: PathSegment[]; value: unknown }> = [];
  if (isObj(o.accessSchedule)) {
    for (const [i, item] of objectItems(o.accessSchedule.scheduleItems)) {
      out.push({ at: ["accessSchedule", "scheduleItems", i, "startingAt"], value: item.startingAt });
      out.push({ at: ["accessSchedule", "scheduleItems", i, "endingBefore"], value: item.endingBefore });
    }
  }
  if (isObj(o.invoiceSchedule)) {
    for (const [i, item] of objectItems(o.invoiceSchedule.scheduleItems)) {
      out.push({ at: ["invoiceSchedule", "scheduleItems", i, "timestamp"], value: item.timestamp });
    }
    const r = o.invoiceSchedule.recurringSchedule;
    if (isObj(r)) {
      out.push({ at: ["invoiceSchedule", "recurringSchedule", "startingAt"], value: r.startingAt });
      out.push({ at: ["invoiceSchedule", "recurringSchedule", "endingBefore"], value: r.endingBefore });
    }
  }
  return out;
}

/** Metronome schedules sit on whole UTC hours. */
export const wholeHours: Rule = (o) =>
  timestamps(o).flatMap(({ at, value }) => {
    const ms = parseTimestamp(value);
    if (ms === undefined || isWholeHour(ms)) return [];
    const floor = formatTimestamp(ms - (((ms % HOUR_MS) + HOUR_MS) % HOUR_MS));
    return [issue(at, `must be on a whole UTC hour, e.g. ${floor} (got ${String(value)})`)];
  });

function startBefore(start: unknown, end: unknown, at: PathSegment[]): Issue[] {
  const s = parseTimestamp(start);
  const e = parseTimestamp(end);
  if (s === undefined || e === undefined || s < e) return [];
  return [issue(at, `endingBefore (${String(end)}) must be after startingAt (${String(start)})`)];
}

/** Periods run from startingAt (inclusive) to endingBefore (exclusive), so start < end. */
export const startBeforeEnd: Rule = (o) => {
  const out: Issue[] = [];
  if (isObj(o.accessSchedule)) {
    for (const [i, item] of objectItems(o.accessSchedule.scheduleItems)) {
      out.push(...startBefore(item.startingAt, item.endingBefore, ["accessSchedule", "scheduleItems", i, "endingBefore"]));
    }
  }
  if (isObj(o.invoiceSchedule) && isObj(o.invoiceSchedule.recurringSchedule)) {
    const r = o.invoiceSchedule.recurringSchedule;
    out.push(...startBefore(r.startingAt, r.endingBefore, ["invoiceSchedule", "recurringSchedule", "endingBefore"]));
  }
  return out;
};

/** Access amounts are positive; invoiced amounts, prices and quantities are not negative. */
export const amountsInRange: Rule = (o) => {
  const out: Issue[] = [];
  if (isObj(o.accessSchedule)) {
    for (const [i, item] of objectItems(o.accessSchedule.scheduleItems)) {
      if (knownNumber(item.amount) && item.amount <= 0) {
        out.push(issue(["accessSchedule", "scheduleItems", i, "amount"], `must be greater than 0 (got ${item.amount})`));
      }
    }
  }
  const nonNegative = (item: Obj, at: PathSegment[]): void => {
    for (const field of ["amount", "unitPrice", "quantity"] as const) {
      const v = item[field];
      if (knownNumber(v) && v < 0) out.push(issue([...at, field], `must be 0 or more (got ${v})`));
    }
  };
  if (isObj(o.invoiceSchedule)) {
    for (const [i, item] of objectItems(o.invoiceSchedule.scheduleItems)) nonNegative(item, ["invoiceSchedule", "scheduleItems", i]);
    if (isObj(o.invoiceSchedule.recurringSchedule)) nonNegative(o.invoiceSchedule.recurringSchedule, ["invoiceSchedule", "recurringSchedule"]);
  }
  return out;
};

/** Numbers must be finite (JSON cannot carry NaN or Infinity to the API). */
export const finiteNumbers: Rule = (o) => {
  const out: Issue[] = [];
  const check = (v: unknown, at: PathSegment[]): void => {
    if (typeof v === "number" && !Number.isFinite(v)) out.push(issue(at, `must be a finite number (got ${v})`));
  };
  check(o.priority, ["priority"]);
  if (isObj(o.accessSchedule)) {
    for (const [i, item] of objectItems(o.accessSchedule.scheduleItems)) check(item.amount, ["accessSchedule", "scheduleItems", i, "amount"]);
  }
  if (isObj(o.invoiceSchedule)) {
    for (const [i, item] of objectItems(o.invoiceSchedule.scheduleItems)) {
      for (const f of ["amount", "unitPrice", "quantity"]) check(item[f], ["invoiceSchedule", "scheduleItems", i, f]);
    }
    const r = o.invoiceSchedule.recurringSchedule;
    if (isObj(r)) for (const f of ["amount", "unitPrice", "quantity"]) check(r[f], ["invoiceSchedule", "recurringSchedule", f]);
  }
  return out;
};

/** Every amount field (amount, unitPrice, quantity) in the inputs, with its path. */
function amountFields(o: Obj): Array<{ at: PathSegment[]; value: unknown }> {
  const out: Array<{ at: PathSegment[]; value: unknown }> = [];
  if (isObj(o.accessSchedule)) {
    for (const [i, item] of objectItems(o.accessSchedule.scheduleItems)) out.push({ at: ["accessSchedule", "scheduleItems", i, "amount"], value: item.amount });
  }
  if (isObj(o.invoiceSchedule)) {
    const priced: Array<[PathSegment[], Obj]> = objectItems(o.invoiceSchedule.scheduleItems).map(([i, item]) => [["invoiceSchedule", "scheduleItems", i], item]);
    if (isObj(o.invoiceSchedule.recurringSchedule)) priced.push([["invoiceSchedule", "recurringSchedule"], o.invoiceSchedule.recurringSchedule]);
    for (const [at, item] of priced) for (const f of ["amount", "unitPrice", "quantity"]) out.push({ at: [...at, f], value: item[f] });
  }
  return out;
}

/**
 * Amounts are exact (money.ts): each one, and each unitPrice × quantity,
 * which Metronome stores as the item's amount. Non-finite numbers are
 * finiteNumbers' to report.
 */
export const exactAmounts: Rule = (o) => {
  const out: Issue[] = [];
  for (const { at, value } of amountFields(o)) {
    if (!knownNumber(value)) continue;
    const problem = amountProblem(value);
    if (problem !== undefined) out.push(issue(at, problem));
  }
  const priced: Array<[PathSegment[], Obj]> = [];
  if (isObj(o.invoiceSchedule)) {
    priced.push(...objectItems(o.invoiceSchedule.scheduleItems).map(([i, item]): [PathSegment[], Obj] => [["invoiceSchedule", "scheduleItems", i], item]));
    if (isObj(o.invoiceSchedule.recurringSchedule)) priced.push([["invoiceSchedule", "recurringSchedule"], o.invoiceSchedule.recurringSchedule]);
  }
  for (const [at, item] of priced) {
    const price = exactAmount(item.unitPrice);
    const quantity = exactAmount(item.quantity);
    if (price === undefined || quantity === undefined || present(item.amount)) continue;
    const total = multiplyExact(price, quantity);
    if (isRepresentable(total)) continue;
    out.push(
      issue(
        at,
        `unitPrice × quantity = ${exactText(total)} is not an amount that can be sent exactly ` +
          `(a JSON number of at most ${AMOUNT_LIMIT.toLocaleString("en-US")} units that holds this decimal)`,
      ),
    );
  }
  return out;
};

/** Access periods must not overlap: the same money would be granted twice. */
export const accessNoOverlap: Rule = (o) => {
  if (!isObj(o.accessSchedule)) return [];
  const periods = objectItems(o.accessSchedule.scheduleItems)
    .map(([i, item]) => ({ i, start: parseTimestamp(item.startingAt), end: parseTimestamp(item.endingBefore) }))
    .filter((p): p is { i: number; start: number; end: number } => p.start !== undefined && p.end !== undefined && p.start < p.end)
    .sort((a, b) => a.start - b.start || a.i - b.i);
  const out: Issue[] = [];
  let latest: { i: number; end: number } | undefined;
  for (const p of periods) {
    if (latest && p.start < latest.end) {
      out.push(issue(["accessSchedule", "scheduleItems", p.i], `overlaps accessSchedule.scheduleItems[${latest.i}], which runs until ${formatTimestamp(latest.end)}; access periods must not overlap`));
    }
    if (!latest || p.end > latest.end) latest = { i: p.i, end: p.end };
  }
  return out;
};

/** Metronome's uniqueness keys are 1 to 128 characters. */
export const uniquenessKeyLength: Rule = (o) => {
  const k = o.uniquenessKey;
  if (typeof k !== "string" || isUnknown(k)) return [];
  if (k.length >= 1 && k.length <= MAX_UNIQUENESS_KEY) return [];
  return [issue(["uniquenessKey"], `must be 1 to ${MAX_UNIQUENESS_KEY} characters (got ${k.length})`)];
};

/** Custom field keys are at most 100 characters, values at most 200. */
export const customFieldLimits: Rule = (o) => {
  if (!isObj(o.customFields)) return [];
  const out: Issue[] = [];
  for (const [k, v] of Object.entries(o.customFields)) {
    if (k.length > MAX_CUSTOM_FIELD_KEY) {
      out.push(issue(["customFields", k], `custom field keys must be at most ${MAX_CUSTOM_FIELD_KEY} characters (got ${k.length})`));
    }
    if (typeof v === "string" && !isUnknown(v) && v.length > MAX_CUSTOM_FIELD_VALUE) {
      out.push(issue(["customFields", k], `custom field values must be at most ${MAX_CUSTOM_FIELD_VALUE} characters (got ${v.length})`));
    }
  }
  return out;
};

/** Ending access early uses updateEndDate, which Metronome offers for PREPAID commits only. */
export const endAccessPrepaidOnly: Rule = (o) => {
  const d = o.onDelete;
  if (typeof d !== "string" || d.toLowerCase() !== "endaccess" || typeOf(o) !== "POSTPAID") return [];
  return [issue(["onDelete"], 'onDelete "endAccess" is only available for PREPAID commits (Metronome can only shorten prepaid ones); use "archive" or "forget"')];
};

/** How a refused id is quoted: cut short when long, control characters escaped. */
const shownId = (v: string): string => (v.length > 60 ? `${JSON.stringify(v.slice(0, 40))}… (${v.length} characters)` : JSON.stringify(v));

/** An adopted resource is named by its Metronome id, a uuid: `field` holds it, `noun` names the kind. */
function existingIdShape(field: string, noun: string): Rule {
  return (o) => {
    const v = o[field];
    if (typeof v !== "string" || isUnknown(v) || UUID.test(v)) return [];
    return [issue([field], `expected a Metronome ${noun} id (a uuid such as 7f3c2a10-5b7e-4c1d-9a8e-2b4c6d8e0f12), got ${shownId(v)}`)];
  };
}

export const existingCommitIdShape: Rule = existingIdShape("existingCommitId", "commit");

/**
 * The ids Metronome's OpenAPI document types as `format: uuid` on
 * CreateCustomerCommitPayload and the schemas under it: customer_id,
 * product_id, invoice_contract_id, applicable_product_ids[],
 * access_schedule.credit_type_id (ScheduleDurationInput),
 * invoice_schedule.credit_type_id (SchedulePointInTimeInput) and
 * specifiers[].product_id (CommitSpecifierInput). applicable_contract_ids
 * are plain strings there, so they are not checked here.
 */
function uuidFields(o: Obj): Array<{ at: PathSegment[]; value: unknown }> {
  const out: Array<{ at: PathSegment[]; value: unknown }> = [
    { at: ["customerId"], value: o.customerId },
    { at: ["productId"], value: o.productId },
    { at: ["invoiceContractId"], value: o.invoiceContractId },
  ];
  if (isObj(o.accessSchedule)) out.push({ at: ["accessSchedule", "creditTypeId"], value: o.accessSchedule.creditTypeId });
  if (isObj(o.invoiceSchedule)) out.push({ at: ["invoiceSchedule", "creditTypeId"], value: o.invoiceSchedule.creditTypeId });
  if (Array.isArray(o.applicableProductIds)) o.applicableProductIds.forEach((v, i) => out.push({ at: ["applicableProductIds", i], value: v }));
  for (const [i, s] of objectItems(o.specifiers)) out.push({ at: ["specifiers", i, "productId"], value: s.productId });
  return out;
}

/**
 * Ids Metronome types as uuids are uuids. Pulumi's unknown sentinel is
 * accepted in its exact spelling only (it is itself a uuid; another case of
 * it is an ordinary id, never turned into the sentinel).
 */
export const uuidIds: Rule = (o) =>
  uuidFields(o).flatMap(({ at, value }) => {
    if (typeof value !== "string" || value === "" || isUnknown(value) || UUID.test(value)) return [];
    return [issue(at, `expected a Metronome id (a uuid such as 7f3c2a10-5b7e-4c1d-9a8e-2b4c6d8e0f12), got ${shownId(value)}`)];
  });

/**
 * Adoption compares the declaration with what Metronome holds, and Metronome
 * returns a recurring invoice schedule only as its expanded items: a declared
 * recurring schedule could not be verified, so adoption takes the items.
 */
export const adoptionDeclaresInvoiceItems: Rule = (o) => {
  if (o.existingCommitId === undefined || !isObj(o.invoiceSchedule) || o.invoiceSchedule.recurringSchedule === undefined) return [];
  return [
    issue(
      ["invoiceSchedule", "recurringSchedule"],
      "an adopted commit (existingCommitId) must declare its invoices as the scheduleItems Metronome holds, " +
        "because Metronome returns a recurring schedule only as its expanded items (`pulumi-metronome import` writes them)",
    ),
  ];
};

/** Every rule of a commit, in the order their issues are reported. */
export const RULES: readonly Rule[] = [
  postpaidNeedsInvoiceSchedule,
  postpaidSingleAccessItem,
  postpaidSingleInvoiceItem,
  postpaidEqualTotals,
  invoiceContractRequired,
  invoiceScheduleOneOf,
  invoiceAmountForm,
  specifiersExclusive,
  startBeforeEnd,
  wholeHours,
  amountsInRange,
  finiteNumbers,
  exactAmounts,
  accessNoOverlap,
  uniquenessKeyLength,
  customFieldLimits,
  endAccessPrepaidOnly,
  existingCommitIdShape,
  uuidIds,
  adoptionDeclaresInvoiceItems,
];

/** Runs every rule on (raw or canonical) inputs; returns all issues found. */
export function checkRules(inputs: unknown, rules: readonly Rule[] = RULES): Issue[] {
  if (!isObj(inputs)) return [];
  return rules.flatMap((rule) => rule(inputs));
}

/** The rules of a credit: those about what commits and credits share (no type, no invoices), in the same order. */
export const CREDIT_RULES: readonly Rule[] = [
  specifiersExclusive,
  startBeforeEnd,
  wholeHours,
  amountsInRange,
  finiteNumbers,
  exactAmounts,
  accessNoOverlap,
  uniquenessKeyLength,
  customFieldLimits,
  existingIdShape("existingCreditId", "credit"),
  uuidIds,
];
