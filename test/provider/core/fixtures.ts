// Hand-written, readable fixtures for the core tests. Ids are uuid-shaped
// like Metronome's; amounts are USD cents.

import type { Commit } from "../../../provider/api/wire";
import { USD_CENTS_CREDIT_TYPE_ID } from "../../../provider/api/wire";

export const USD = USD_CENTS_CREDIT_TYPE_ID;
export const CUSTOMER = "11111111-1111-4111-8111-111111111111";
export const PRODUCT = "22222222-2222-4222-8222-222222222222";
export const CONTRACT = "33333333-3333-4333-8333-333333333333";
export const OTHER_CONTRACT = "44444444-4444-4444-8444-444444444444";
export const COMMIT_ID = "55555555-5555-4555-8555-555555555555";
export const CREDITS = "66666666-6666-4666-8666-666666666666"; // a custom pricing unit
export const PRODUCT_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
export const PRODUCT_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
export const KEY = "acme/prod/acme-2027-prepaid#0123456789abcdef";

type Raw = Record<string, unknown>;

/** A PREPAID commit as a user writes it: one year, invoiced up front. */
export function prepaidRaw(): Raw {
  return {
    customerId: CUSTOMER,
    type: "PREPAID",
    productId: PRODUCT,
    priority: 100,
    name: "Acme 2027 prepaid commit",
    accessSchedule: {
      scheduleItems: [{ amount: 1_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
    },
    invoiceContractId: CONTRACT,
    invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    uniquenessKey: KEY,
  };
}

/** The same commit after check: defaults filled, keys sorted. */
export function prepaidCanonical(): Raw {
  return {
    accessSchedule: {
      creditTypeId: USD,
      scheduleItems: [{ amount: 1_000_000, endingBefore: "2028-01-01T00:00:00Z", startingAt: "2027-01-01T00:00:00Z" }],
    },
    customerId: CUSTOMER,
    invoiceContractId: CONTRACT,
    invoiceSchedule: {
      creditTypeId: USD,
      doNotInvoice: false,
      scheduleItems: [{ amount: 1_000_000, timestamp: "2027-01-01T00:00:00Z" }],
    },
    name: "Acme 2027 prepaid commit",
    onDelete: "archive",
    priority: 100,
    productId: PRODUCT,
    rateType: "LIST_RATE",
    type: "PREPAID",
    uniquenessKey: KEY,
  };
}

/** `prepaidCanonical()` as check returns it for a new resource: without the defaults canonicalizing fills in. */
export function prepaidStored(): Raw {
  return {
    accessSchedule: {
      scheduleItems: [{ amount: 1_000_000, endingBefore: "2028-01-01T00:00:00Z", startingAt: "2027-01-01T00:00:00Z" }],
    },
    customerId: CUSTOMER,
    invoiceContractId: CONTRACT,
    invoiceSchedule: {
      scheduleItems: [{ amount: 1_000_000, timestamp: "2027-01-01T00:00:00Z" }],
    },
    name: "Acme 2027 prepaid commit",
    priority: 100,
    productId: PRODUCT,
    type: "PREPAID",
    uniquenessKey: KEY,
  };
}

/** A two-half-year PREPAID commit invoiced in two instalments. */
export function prepaidTwoHalvesRaw(): Raw {
  return {
    ...prepaidRaw(),
    accessSchedule: {
      scheduleItems: [
        { amount: 500_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
        { amount: 500_000, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
      ],
    },
    invoiceSchedule: {
      scheduleItems: [
        { timestamp: "2027-01-01T00:00:00Z", amount: 500_000 },
        { timestamp: "2027-07-01T00:00:00Z", quantity: 2, unitPrice: 250_000 },
      ],
    },
  };
}

/** A POSTPAID commit: one access item, one true-up invoice of the same total. */
export function postpaidRaw(): Raw {
  return {
    customerId: CUSTOMER,
    type: "POSTPAID",
    productId: PRODUCT,
    priority: 50,
    accessSchedule: {
      scheduleItems: [{ amount: 2_400_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
    },
    invoiceContractId: CONTRACT,
    invoiceSchedule: { scheduleItems: [{ timestamp: "2028-01-01T00:00:00Z", amount: 2_400_000 }] },
    uniquenessKey: "postpaid-key",
  };
}

/** A PREPAID commit invoiced monthly through a recurring schedule. */
export function recurringRaw(): Raw {
  return {
    ...prepaidRaw(),
    invoiceSchedule: {
      recurringSchedule: {
        amountDistribution: "DIVIDED",
        frequency: "MONTHLY",
        startingAt: "2027-01-01T00:00:00Z",
        endingBefore: "2028-01-01T00:00:00Z",
        amount: 1_200_000,
      },
    },
  };
}

/**
 * How Metronome returns prepaidTwoHalvesRaw() once created: references as
 * objects, millisecond timestamps, server ids, all three invoice amounts.
 */
export function twoHalvesCommit(): Commit {
  return {
    id: COMMIT_ID,
    type: "PREPAID",
    product: { id: PRODUCT, name: "Prepaid commit" },
    created_at: "2026-12-15T10:30:00.000Z",
    rate_type: "LIST_RATE",
    name: "Acme 2027 prepaid commit",
    priority: 100,
    access_schedule: {
      credit_type: { id: USD, name: "USD (cents)" },
      schedule_items: [
        // Deliberately not in start order: the mapping must not depend on it.
        { id: "acc-2", amount: 500_000, starting_at: "2027-07-01T00:00:00.000Z", ending_before: "2028-01-01T00:00:00.000Z" },
        { id: "acc-1", amount: 500_000, starting_at: "2027-01-01T00:00:00.000Z", ending_before: "2027-07-01T00:00:00.000Z" },
      ],
    },
    invoice_schedule: {
      credit_type: { id: USD, name: "USD (cents)" },
      do_not_invoice: false,
      schedule_items: [
        { id: "inv-1", timestamp: "2027-01-01T00:00:00.000Z", amount: 500_000, quantity: 1, unit_price: 500_000, invoice_id: null },
        { id: "inv-2", timestamp: "2027-07-01T00:00:00.000Z", amount: 500_000, quantity: 2, unit_price: 250_000, invoice_id: null },
      ],
    },
    invoice_contract: { id: CONTRACT },
    uniqueness_key: KEY,
  };
}

/** Outputs after creating prepaidTwoHalvesRaw(): canonical inputs plus item ids and createdAt. */
export function twoHalvesOutputs(): Raw {
  return {
    accessSchedule: {
      creditTypeId: USD,
      scheduleItems: [
        { amount: 500_000, endingBefore: "2027-07-01T00:00:00Z", id: "acc-1", startingAt: "2027-01-01T00:00:00Z" },
        { amount: 500_000, endingBefore: "2028-01-01T00:00:00Z", id: "acc-2", startingAt: "2027-07-01T00:00:00Z" },
      ],
    },
    createdAt: "2026-12-15T10:30:00Z",
    customerId: CUSTOMER,
    invoiceContractId: CONTRACT,
    invoiceSchedule: {
      creditTypeId: USD,
      doNotInvoice: false,
      scheduleItems: [
        { amount: 500_000, id: "inv-1", timestamp: "2027-01-01T00:00:00Z" },
        { id: "inv-2", quantity: 2, timestamp: "2027-07-01T00:00:00Z", unitPrice: 250_000 },
      ],
    },
    name: "Acme 2027 prepaid commit",
    onDelete: "archive",
    priority: 100,
    productId: PRODUCT,
    rateType: "LIST_RATE",
    type: "PREPAID",
    uniquenessKey: KEY,
  };
}

/** Deep copy with a change applied: `tweak(prepaidRaw(), (r) => { r.priority = 1 })`. */
export function tweak<T>(value: T, change: (copy: any) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

/**
 * Changes to a created commit and the properties that must force a
 * replacement (shared by the replace and uniqueness-key tests: whenever a
 * change replaces the commit, the derived key must change too).
 * Each case: [label, base fixture, change to the raw inputs, expected replaces].
 */
export const REPLACE_CASES: Array<[string, "twoHalves" | "postpaid", (r: any) => void, string[]]> = [
  ["nothing", "twoHalves", () => {}, []],
  ["customer", "twoHalves", (r) => { r.customerId = OTHER_CONTRACT; }, ["customerId"]],
  ["type", "twoHalves", (r) => { r.type = "POSTPAID"; }, ["type"]],
  ["access credit type", "twoHalves", (r) => { r.accessSchedule.creditTypeId = CREDITS; }, ["accessSchedule"]],
  ["invoice credit type", "twoHalves", (r) => { r.invoiceSchedule.creditTypeId = CREDITS; }, ["invoiceSchedule"]],
  ["doNotInvoice", "twoHalves", (r) => { r.invoiceSchedule.doNotInvoice = true; }, ["invoiceSchedule"]],
  ["invoice schedule removed", "twoHalves", (r) => { delete r.invoiceSchedule; }, ["invoiceSchedule"]],
  ["items switched to a recurring schedule", "twoHalves", (r) => {
    r.invoiceSchedule = { recurringSchedule: { amountDistribution: "DIVIDED", frequency: "MONTHLY", startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z", amount: 1_000_000 } };
  }, ["invoiceSchedule"]],
  ["uniqueness key", "twoHalves", (r) => { r.uniquenessKey = "another-key"; }, ["uniquenessKey"]],
  ["NetSuite id", "twoHalves", (r) => { r.netsuiteSalesOrderId = "SO-1"; }, ["netsuiteSalesOrderId"]],
  ["Salesforce id", "twoHalves", (r) => { r.salesforceOpportunityId = "006xx"; }, ["salesforceOpportunityId"]],
  ["applicable contracts of a POSTPAID commit", "postpaid", (r) => { r.applicableContractIds = [CONTRACT]; }, ["applicableContractIds"]],
  ["customer and type together", "twoHalves", (r) => { r.customerId = OTHER_CONTRACT; r.type = "POSTPAID"; }, ["customerId", "type"]],
  // In place:
  ["access amounts and dates", "twoHalves", (r) => { r.accessSchedule.scheduleItems[0].amount = 1; r.accessSchedule.scheduleItems[1].endingBefore = "2028-02-01T00:00:00Z"; }, []],
  ["invoice items", "twoHalves", (r) => { r.invoiceSchedule.scheduleItems.pop(); }, []],
  ["applicable contracts of a PREPAID commit", "twoHalves", (r) => { r.applicableContractIds = [CONTRACT]; }, []],
  ["name, priority, product, rate type", "twoHalves", (r) => { r.name = "x"; r.priority = 1; r.productId = PRODUCT_A; r.rateType = "COMMIT_RATE"; }, []],
  ["custom fields and specifiers", "twoHalves", (r) => { r.customFields = { a: "b" }; r.specifiers = [{ productTags: ["gpu"] }]; }, []],
  ["adopting an existing commit", "twoHalves", (r) => { r.existingCommitId = COMMIT_ID; }, []],
  ["onDelete", "twoHalves", (r) => { r.onDelete = "forget"; }, []],
  ["spelling only (case, offsets, explicit defaults)", "twoHalves", (r) => {
    r.type = "prepaid";
    r.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T01:00:00+01:00";
    r.accessSchedule.creditTypeId = USD.toUpperCase();
    r.invoiceSchedule.doNotInvoice = false;
  }, []],
];
