/**
 * The bad-input corpus: hand-written invalid argument sets,
 * one or more per rule and per type in provider/core/schema.ts and
 * provider/core/rules.ts. Each must yield check failures that name exactly
 * the expected property paths, and not one request may reach Metronome (the
 * emulator's request log proves it).
 *
 * The corpus runs through the real dynamic-provider plugin over gRPC
 * (test/helpers/plugin-host.ts) with the package's real serialized shim, as
 * the engine calls it: Configure with the stack config, then Check. A few
 * representative cases also run through a real `pulumi preview`, to show
 * the failures reach the user with their paths.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failurePath } from "../../provider/core";
import { loadBuiltPackage } from "../helpers/built-package";
import { type Engine, EngineOpError, type PulumiFn, type TestStack, createEngine } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { type ConsumerProject, PULUMI_ENDS, createConsumerProject } from "../helpers/packed-package";
import { type PluginHost, UNKNOWN, resourceUrn, startPluginHost } from "../helpers/plugin-host";

type Pkg = typeof import("../../provider");
const pkg = loadBuiltPackage<Pkg>();
type Args = import("../../provider").CustomerCommitArgs;

const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const PROJECT = "corpus";
const TIMEOUT = 120_000;

// Stand-in ids: check never looks them up (it makes no request), so any
// well-formed value will do; the preview cases use the emulator's real ones.
const CUSTOMER = "0b9e7c52-3f1a-4d8e-9c6b-1a2b3c4d5e6f";
const PRODUCT = "6a1f0e2d-8c4b-4a7e-b3d2-9f8e7d6c5b4a";
const CONTRACT = "3c5d7e9f-1a2b-4c6d-8e0f-2a4b6c8d0e1f";

type Raw = Record<string, unknown>;
/** Args being broken by a case: schedules are reached into freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = Raw & { accessSchedule: any; invoiceSchedule: any };

/** A valid invoiced PREPAID commit (the control case proves it passes). */
function prepaid(): Raw {
  return {
    customerId: CUSTOMER,
    type: "PREPAID",
    productId: PRODUCT,
    priority: 100,
    name: "Corpus prepaid",
    accessSchedule: { scheduleItems: [{ amount: 1_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
    invoiceContractId: CONTRACT,
    invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    uniquenessKey: "corpus/stack/commit#0123456789abcdef",
  };
}

/** A valid POSTPAID commit: one access item, one invoice item, equal totals. */
function postpaid(): Raw {
  return {
    ...prepaid(),
    type: "POSTPAID",
    accessSchedule: { scheduleItems: [{ amount: 5_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
    invoiceSchedule: { scheduleItems: [{ timestamp: "2027-12-31T00:00:00Z", amount: 5_000_000 }] },
  };
}

/** A valid PREPAID commit invoiced on a recurring schedule. */
function recurring(): Raw {
  return {
    ...prepaid(),
    invoiceSchedule: {
      recurringSchedule: {
        amountDistribution: "DIVIDED",
        frequency: "QUARTERLY",
        startingAt: "2027-01-01T00:00:00Z",
        endingBefore: "2028-01-01T00:00:00Z",
        amount: 1_000_000,
      },
    },
  };
}

/** A value nested `levels` deep, alternating lists and single-key objects. */
function nested(levels: number): unknown {
  let v: unknown = "x";
  for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

/** `base()` changed by `change` (a deep copy, so cases never share objects). */
function bad(base: () => Raw, change: (a: Editable) => void): Raw {
  const args = structuredClone(base()) as Editable;
  change(args);
  return args;
}

interface Case {
  name: string;
  args: Raw;
  /** Exactly the failing property paths, in any order. */
  paths: string[];
  /** What the first failure's reason must say. */
  reason: RegExp;
}

const ACCESS0 = "accessSchedule.scheduleItems[0]";
const INVOICE0 = "invoiceSchedule.scheduleItems[0]";
const RECURRING = "invoiceSchedule.recurringSchedule";
const LONG_KEY = "k".repeat(101);

// prettier-ignore
const CORPUS: Case[] = [
  // ---- required fields ------------------------------------------------------
  { name: "customerId missing", args: bad(prepaid, (a) => delete a.customerId), paths: ["customerId"], reason: /is required: expected a string/ },
  { name: "type missing", args: bad(prepaid, (a) => delete a.type), paths: ["type"], reason: /PREPAID, POSTPAID/ },
  { name: "productId missing", args: bad(prepaid, (a) => delete a.productId), paths: ["productId"], reason: /is required/ },
  { name: "priority missing", args: bad(prepaid, (a) => delete a.priority), paths: ["priority"], reason: /is required: expected a number/ },
  { name: "accessSchedule missing", args: bad(prepaid, (a) => delete a.accessSchedule), paths: ["accessSchedule"], reason: /is required: expected an object/ },
  { name: "access scheduleItems missing", args: bad(prepaid, (a) => delete a.accessSchedule.scheduleItems), paths: ["accessSchedule.scheduleItems"], reason: /is required: expected a list/ },
  { name: "access scheduleItems empty", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems = [])), paths: ["accessSchedule.scheduleItems"], reason: /at least one schedule item/ },
  { name: "access item amount missing", args: bad(prepaid, (a) => delete a.accessSchedule.scheduleItems[0].amount), paths: [`${ACCESS0}.amount`], reason: /is required: expected a number/ },
  { name: "access item startingAt missing", args: bad(prepaid, (a) => delete a.accessSchedule.scheduleItems[0].startingAt), paths: [`${ACCESS0}.startingAt`], reason: /is required: expected an RFC 3339 timestamp/ },
  { name: "invoice item timestamp missing", args: bad(prepaid, (a) => delete a.invoiceSchedule.scheduleItems[0].timestamp), paths: [`${INVOICE0}.timestamp`], reason: /is required: expected an RFC 3339 timestamp/ },
  { name: "recurring frequency missing", args: bad(recurring, (a) => delete a.invoiceSchedule.recurringSchedule.frequency), paths: [`${RECURRING}.frequency`], reason: /MONTHLY, QUARTERLY/ },
  { name: "uniquenessKey missing (direct provider use)", args: bad(prepaid, (a) => delete a.uniquenessKey), paths: ["uniquenessKey"], reason: /is required: the CustomerCommit class derives one/ },

  // ---- wrong types ------------------------------------------------------------
  { name: "customerId a number", args: bad(prepaid, (a) => (a.customerId = 42)), paths: ["customerId"], reason: /expected a string, got 42/ },
  { name: "priority a string", args: bad(prepaid, (a) => (a.priority = "high")), paths: ["priority"], reason: /expected a number, got "high"/ },
  { name: "access amount a numeric string", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].amount = "1000000")), paths: [`${ACCESS0}.amount`], reason: /expected a number, got "1000000"/ },
  { name: "accessSchedule a list", args: bad(prepaid, (a) => (a.accessSchedule = [a.accessSchedule])), paths: ["accessSchedule"], reason: /expected an object, got a list/ },
  { name: "access scheduleItems an object", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems = a.accessSchedule.scheduleItems[0])), paths: ["accessSchedule.scheduleItems"], reason: /expected a list, got an object/ },
  { name: "invoice item amount a boolean", args: bad(prepaid, (a) => (a.invoiceSchedule.scheduleItems[0].amount = true)), paths: [`${INVOICE0}.amount`], reason: /expected a number, got true/ },
  { name: "doNotInvoice a string", args: bad(prepaid, (a) => (a.invoiceSchedule.doNotInvoice = "yes")), paths: ["invoiceSchedule.doNotInvoice"], reason: /expected true or false/ },
  { name: "applicableProductIds a string", args: bad(prepaid, (a) => (a.applicableProductIds = PRODUCT)), paths: ["applicableProductIds"], reason: /expected a list/ },
  { name: "applicableProductTags with a number", args: bad(prepaid, (a) => (a.applicableProductTags = ["compute", 7])), paths: ["applicableProductTags[1]"], reason: /expected a string, got 7/ },
  { name: "applicableContractIds with an empty id", args: bad(prepaid, (a) => (a.applicableContractIds = [CONTRACT, ""])), paths: ["applicableContractIds[1]"], reason: /must not be empty/ },
  { name: "customFields value a number", args: bad(prepaid, (a) => (a.customFields = { sales_region: 3 })), paths: ["customFields.sales_region"], reason: /expected a string, got 3/ },
  { name: "specifier pricingGroupValues value a number", args: bad(prepaid, (a) => (a.specifiers = [{ pricingGroupValues: { region: 1 } }])), paths: ["specifiers[0].pricingGroupValues.region"], reason: /expected a string/ },
  { name: "specifiers an object, not a list", args: bad(prepaid, (a) => (a.specifiers = { productTags: ["compute"] })), paths: ["specifiers"], reason: /expected a list/ },
  { name: "name empty", args: bad(prepaid, (a) => (a.name = "")), paths: ["name"], reason: /must not be empty/ },
  { name: "description a number", args: bad(prepaid, (a) => (a.description = 12)), paths: ["description"], reason: /expected a string/ },
  { name: "salesforceOpportunityId empty", args: bad(prepaid, (a) => (a.salesforceOpportunityId = "")), paths: ["salesforceOpportunityId"], reason: /must not be empty/ },
  { name: "access creditTypeId empty", args: bad(prepaid, (a) => (a.accessSchedule.creditTypeId = "")), paths: ["accessSchedule.creditTypeId"], reason: /must not be empty/ },
  { name: "uniquenessKey a number", args: bad(prepaid, (a) => (a.uniquenessKey = 12345)), paths: ["uniquenessKey"], reason: /expected a string of 1 to 128 characters/ },

  // ---- timestamps: syntax ---------------------------------------------------
  { name: "startingAt in words", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].startingAt = "next monday")), paths: [`${ACCESS0}.startingAt`], reason: /RFC 3339 timestamp/ },
  { name: "endingBefore an impossible date", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].endingBefore = "2028-02-30T00:00:00Z")), paths: [`${ACCESS0}.endingBefore`], reason: /RFC 3339 timestamp/ },
  { name: "invoice timestamp without a zone", args: bad(prepaid, (a) => (a.invoiceSchedule.scheduleItems[0].timestamp = "2027-01-01T00:00:00")), paths: [`${INVOICE0}.timestamp`], reason: /RFC 3339 timestamp/ },
  { name: "timestamp a date only", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].startingAt = "2027-01-01")), paths: [`${ACCESS0}.startingAt`], reason: /RFC 3339 timestamp/ },

  // ---- timestamps: whole UTC hours -----------------------------------------
  { name: "access start on the half hour", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T00:30:00Z")), paths: [`${ACCESS0}.startingAt`], reason: /whole UTC hour, e\.g\. 2027-01-01T00:00:00Z/ },
  { name: "access end one second past the hour", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].endingBefore = "2028-01-01T00:00:01Z")), paths: [`${ACCESS0}.endingBefore`], reason: /whole UTC hour/ },
  { name: "invoice timestamp at a quarter past", args: bad(prepaid, (a) => (a.invoiceSchedule.scheduleItems[0].timestamp = "2027-01-01T12:15:00Z")), paths: [`${INVOICE0}.timestamp`], reason: /whole UTC hour/ },
  { name: "offset that is not a whole UTC hour (+05:30)", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T00:00:00+05:30")), paths: [`${ACCESS0}.startingAt`], reason: /whole UTC hour, e\.g\. 2026-12-31T18:00:00Z/ },
  { name: "recurring start off the hour", args: bad(recurring, (a) => (a.invoiceSchedule.recurringSchedule.startingAt = "2027-01-01T00:00:00.500Z")), paths: [`${RECURRING}.startingAt`], reason: /whole UTC hour/ },

  // ---- start before end -----------------------------------------------------
  { name: "access start equals end", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].endingBefore = "2027-01-01T00:00:00Z")), paths: [`${ACCESS0}.endingBefore`], reason: /must be after startingAt/ },
  { name: "access end before start", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].endingBefore = "2026-01-01T00:00:00Z")), paths: [`${ACCESS0}.endingBefore`], reason: /must be after startingAt/ },
  { name: "recurring end before start", args: bad(recurring, (a) => (a.invoiceSchedule.recurringSchedule.endingBefore = "2026-06-01T00:00:00Z")), paths: [`${RECURRING}.endingBefore`], reason: /must be after startingAt/ },

  // ---- enums ----------------------------------------------------------------
  { name: "type misspelt", args: bad(prepaid, (a) => (a.type = "POST_PAID")), paths: ["type"], reason: /expected one of PREPAID, POSTPAID \(any case\), got "POST_PAID"/ },
  { name: "rateType unknown", args: bad(prepaid, (a) => (a.rateType = "DISCOUNT")), paths: ["rateType"], reason: /COMMIT_RATE, LIST_RATE/ },
  { name: "recurring frequency weekly", args: bad(recurring, (a) => (a.invoiceSchedule.recurringSchedule.frequency = "weekly")), paths: [`${RECURRING}.frequency`], reason: /MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL/ },
  { name: "recurring amountDistribution unknown", args: bad(recurring, (a) => (a.invoiceSchedule.recurringSchedule.amountDistribution = "SPLIT")), paths: [`${RECURRING}.amountDistribution`], reason: /DIVIDED, DIVIDED_ROUNDED, EACH/ },
  { name: "onDelete unknown", args: bad(prepaid, (a) => (a.onDelete = "delete")), paths: ["onDelete"], reason: /archive, endAccess, forget/ },

  // ---- POSTPAID ---------------------------------------------------------------
  { name: "POSTPAID without an invoice schedule", args: bad(postpaid, (a) => delete a.invoiceSchedule), paths: ["invoiceSchedule"], reason: /POSTPAID commits need an invoiceSchedule/ },
  { name: "POSTPAID with two access items", args: bad(postpaid, (a) => a.accessSchedule.scheduleItems.push({ amount: 1, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2029-01-01T00:00:00Z" })), paths: ["accessSchedule.scheduleItems"], reason: /exactly one access schedule item \(got 2\)/ },
  { name: "POSTPAID with two invoice items", args: bad(postpaid, (a) => a.invoiceSchedule.scheduleItems.push({ timestamp: "2028-01-01T00:00:00Z", amount: 1 })), paths: ["invoiceSchedule.scheduleItems"], reason: /exactly one invoice schedule item \(got 2\)/ },
  { name: "POSTPAID with a recurring schedule", args: bad(postpaid, (a) => (a.invoiceSchedule = recurring().invoiceSchedule)), paths: [RECURRING], reason: /POSTPAID commits cannot use a recurringSchedule/ },
  { name: "POSTPAID invoice total below the access amount", args: bad(postpaid, (a) => (a.invoiceSchedule.scheduleItems[0].amount = 4_000_000)), paths: [INVOICE0], reason: /invoice total 4000000 must equal the access amount 5000000/ },
  { name: "POSTPAID unitPrice × quantity not the access amount", args: bad(postpaid, (a) => (a.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-12-31T00:00:00Z", unitPrice: 1_000, quantity: 4_999 })), paths: [INVOICE0], reason: /invoice total 4999000 must equal/ },
  { name: "POSTPAID with onDelete endAccess", args: bad(postpaid, (a) => (a.onDelete = "endAccess")), paths: ["onDelete"], reason: /only available for PREPAID/ },

  // ---- invoice contract ----------------------------------------------------
  { name: "PREPAID invoiced without a contract", args: bad(prepaid, (a) => delete a.invoiceContractId), paths: ["invoiceContractId"], reason: /PREPAID commits with an invoiceSchedule need invoiceContractId/ },
  { name: "POSTPAID without a contract", args: bad(postpaid, (a) => delete a.invoiceContractId), paths: ["invoiceContractId"], reason: /POSTPAID commits need invoiceContractId/ },
  { name: "recurring PREPAID without a contract", args: bad(recurring, (a) => delete a.invoiceContractId), paths: ["invoiceContractId"], reason: /need invoiceContractId/ },

  // ---- invoice schedule form -------------------------------------------------
  { name: "invoice schedule with items and a recurring schedule", args: bad(prepaid, (a) => (a.invoiceSchedule.recurringSchedule = (recurring().invoiceSchedule as Raw).recurringSchedule)), paths: ["invoiceSchedule"], reason: /either scheduleItems or recurringSchedule, not both/ },
  { name: "invoice schedule with neither", args: bad(prepaid, (a) => (a.invoiceSchedule = { doNotInvoice: false })), paths: ["invoiceSchedule"], reason: /give either scheduleItems or recurringSchedule$/ },
  { name: "invoice scheduleItems empty", args: bad(prepaid, (a) => (a.invoiceSchedule.scheduleItems = [])), paths: ["invoiceSchedule.scheduleItems"], reason: /at least one schedule item/ },

  // ---- amount vs quantity × unitPrice ---------------------------------------
  { name: "invoice item with amount and unitPrice + quantity", args: bad(prepaid, (a) => Object.assign(a.invoiceSchedule.scheduleItems[0], { unitPrice: 10, quantity: 100_000 })), paths: [INVOICE0], reason: /\(got amount \+ unitPrice \+ quantity\)/ },
  { name: "invoice item with quantity only", args: bad(prepaid, (a) => (a.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z", quantity: 3 })), paths: [INVOICE0], reason: /\(got quantity\)/ },
  { name: "invoice item with no amount at all", args: bad(prepaid, (a) => delete a.invoiceSchedule.scheduleItems[0].amount), paths: [INVOICE0], reason: /\(got none\)/ },
  { name: "recurring schedule with amount and quantity", args: bad(recurring, (a) => (a.invoiceSchedule.recurringSchedule.quantity = 4)), paths: [RECURRING], reason: /\(got amount \+ quantity\)/ },

  // ---- amounts ----------------------------------------------------------------
  { name: "access amount zero", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].amount = 0)), paths: [`${ACCESS0}.amount`], reason: /greater than 0 \(got 0\)/ },
  { name: "access amount negative", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].amount = -5)), paths: [`${ACCESS0}.amount`], reason: /greater than 0 \(got -5\)/ },
  { name: "invoice amount negative", args: bad(prepaid, (a) => (a.invoiceSchedule.scheduleItems[0].amount = -1)), paths: [`${INVOICE0}.amount`], reason: /0 or more \(got -1\)/ },
  { name: "recurring unitPrice negative", args: bad(recurring, (a) => { delete a.invoiceSchedule.recurringSchedule.amount; Object.assign(a.invoiceSchedule.recurringSchedule, { unitPrice: -2, quantity: 1 }); }), paths: [`${RECURRING}.unitPrice`], reason: /0 or more \(got -2\)/ },

  { name: "priority infinite", args: bad(prepaid, (a) => (a.priority = Infinity)), paths: ["priority"], reason: /expected a number, got Infinity/ },
  { name: "access amount NaN", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].amount = Number.NaN)), paths: [`${ACCESS0}.amount`], reason: /expected a number, got NaN/ },

  // ---- specifiers -------------------------------------------------------------
  { name: "specifiers with applicableProductIds", args: bad(prepaid, (a) => Object.assign(a, { specifiers: [{ productId: PRODUCT }], applicableProductIds: [PRODUCT] })), paths: ["specifiers"], reason: /cannot be combined with applicableProductIds/ },
  { name: "specifiers with applicableProductTags", args: bad(prepaid, (a) => Object.assign(a, { specifiers: [{ productTags: ["compute"] }], applicableProductTags: ["storage"] })), paths: ["specifiers"], reason: /cannot be combined with applicableProductTags/ },
  { name: "specifiers with both", args: bad(prepaid, (a) => Object.assign(a, { specifiers: [{ productTags: ["compute"] }], applicableProductIds: [PRODUCT], applicableProductTags: ["storage"] })), paths: ["specifiers"], reason: /applicableProductIds and applicableProductTags/ },

  // ---- overlapping access periods -------------------------------------------
  { name: "second access period overlaps the first", args: bad(prepaid, (a) => a.accessSchedule.scheduleItems.push({ amount: 1, startingAt: "2027-06-01T00:00:00Z", endingBefore: "2028-06-01T00:00:00Z" })), paths: ["accessSchedule.scheduleItems[1]"], reason: /overlaps accessSchedule\.scheduleItems\[0\]/ },
  { name: "periods written out of order, the earlier one overlapping", args: bad(prepaid, (a) => { a.accessSchedule.scheduleItems = [{ amount: 1, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2029-01-01T00:00:00Z" }, { amount: 2, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-02-01T00:00:00Z" }]; }), paths: ["accessSchedule.scheduleItems[0]"], reason: /overlaps accessSchedule\.scheduleItems\[1\], which runs until 2028-02-01T00:00:00Z/ },

  // ---- uniqueness key ---------------------------------------------------------
  { name: "uniquenessKey empty", args: bad(prepaid, (a) => (a.uniquenessKey = "")), paths: ["uniquenessKey"], reason: /1 to 128 characters \(got 0\)/ },
  { name: "uniquenessKey 129 characters", args: bad(prepaid, (a) => (a.uniquenessKey = "u".repeat(129))), paths: ["uniquenessKey"], reason: /1 to 128 characters \(got 129\)/ },

  // ---- custom fields ------------------------------------------------------------
  { name: "custom field key of 101 characters", args: bad(prepaid, (a) => (a.customFields = { [LONG_KEY]: "x" })), paths: [`customFields.${LONG_KEY}`], reason: /keys must be at most 100 characters \(got 101\)/ },
  { name: "custom field value of 201 characters", args: bad(prepaid, (a) => (a.customFields = { sales_region: "v".repeat(201) })), paths: ["customFields.sales_region"], reason: /values must be at most 200 characters \(got 201\)/ },
  { name: "custom field key that is not an identifier, value too long", args: bad(prepaid, (a) => (a.customFields = { "sales region": "v".repeat(201) })), paths: ['customFields["sales region"]'], reason: /at most 200 characters/ },

  // ---- adoption -----------------------------------------------------------------
  { name: "existingCommitId not a uuid", args: bad(prepaid, (a) => (a.existingCommitId = "commit-123")), paths: ["existingCommitId"], reason: /expected a Metronome commit id \(a uuid/ },
  { name: "adoption declaring a recurring invoice schedule", args: bad(recurring, (a) => (a.existingCommitId = "7f3c2a10-5b7e-4c1d-9a8e-2b4c6d8e0f12")), paths: [RECURRING], reason: /an adopted commit \(existingCommitId\) must declare its invoices as the scheduleItems/ },
  { name: "existingCommitId empty", args: bad(prepaid, (a) => (a.existingCommitId = "")), paths: ["existingCommitId"], reason: /must not be empty/ },

  // ---- unknown keys -------------------------------------------------------------
  { name: "unknown top-level key", args: bad(prepaid, (a) => (a.amount = 1_000_000)), paths: ["amount"], reason: /unknown property; allowed: customerId/ },
  { name: "snake_case key instead of camelCase", args: bad(prepaid, (a) => { a.product_id = a.productId; delete a.productId; }), paths: ["product_id", "productId"], reason: /did you mean "productId"\?/ },
  { name: "unknown key in an access item", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].end = "2028-01-01T00:00:00Z")), paths: [`${ACCESS0}.end`], reason: /unknown property; allowed: amount, startingAt, endingBefore/ },
  { name: "unknown key in the recurring schedule", args: bad(recurring, (a) => (a.invoiceSchedule.recurringSchedule.interval = "QUARTERLY")), paths: [`${RECURRING}.interval`], reason: /unknown property/ },
  { name: "unknown key in a specifier", args: bad(prepaid, (a) => (a.specifiers = [{ product_tags: ["compute"] }])), paths: ["specifiers[0].product_tags"], reason: /did you mean "productTags"\?/ },
  { name: "a bearer token passed as an input", args: bad(prepaid, (a) => (a.bearerToken = "sk_live_nope")), paths: ["bearerToken"], reason: /unknown property/ },

  // ---- exact money --------------------------------------------------------------
  { name: "POSTPAID $10,000,000.00 of access against a $10,000,000.01 invoice", args: bad(postpaid, (a) => { a.accessSchedule.scheduleItems[0].amount = 1_000_000_000; a.invoiceSchedule.scheduleItems[0].amount = 1_000_000_001; }), paths: [INVOICE0], reason: /total 1000000001 must equal the access amount 1000000000 exactly/ },
  { name: "POSTPAID totals 9 cents apart at 10^10", args: bad(postpaid, (a) => { a.accessSchedule.scheduleItems[0].amount = 1e10; a.invoiceSchedule.scheduleItems[0].amount = 1e10 + 9; }), paths: [INVOICE0], reason: /must equal the access amount 10000000000 exactly/ },
  { name: "unitPrice 1e308 × quantity 10", args: bad(prepaid, (a) => (a.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z", unitPrice: 1e308, quantity: 10 })), paths: [`${INVOICE0}.unitPrice`], reason: /is larger than the 9,007,199,254,740,991 units/ },
  { name: "unitPrice × quantity past 2^53 units", args: bad(prepaid, (a) => (a.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z", unitPrice: 1e13, quantity: 1000 })), paths: [INVOICE0], reason: /unitPrice × quantity = 10000000000000000 is not an amount/ },
  { name: "an access amount of 10^16", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].amount = 1e16)), paths: [`${ACCESS0}.amount`], reason: /is larger than/ },
  { name: "unitPrice × quantity no double holds", args: bad(prepaid, (a) => (a.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z", unitPrice: 100000 / 3, quantity: 3 })), paths: [INVOICE0], reason: /unitPrice × quantity = 100000.000000000008 is not an amount that can be sent exactly/ },

  // ---- ids Metronome types as uuids ----------------------------------------------
  { name: "customerId a path", args: bad(prepaid, (a) => (a.customerId = "../../etc/passwd")), paths: ["customerId"], reason: /expected a Metronome id \(a uuid/ },
  // gRPC's default 4 MB message limit stops a 10 MB value before check (the core tables check one).
  { name: "a 1 MB invoiceContractId", args: bad(prepaid, (a) => (a.invoiceContractId = "c".repeat(1024 * 1024))), paths: ["invoiceContractId"], reason: /\(1048576 characters\)/ },
  { name: "access creditTypeId a currency name", args: bad(prepaid, (a) => (a.accessSchedule.creditTypeId = "USD")), paths: ["accessSchedule.creditTypeId"], reason: /expected a Metronome id/ },
  { name: "a specifier productId that is a name", args: bad(prepaid, (a) => (a.specifiers = [{ productId: "compute" }])), paths: ["specifiers[0].productId"], reason: /expected a Metronome id/ },

  // ---- control characters -----------------------------------------------------------
  { name: "productId with a NUL byte", args: bad(prepaid, (a) => (a.productId = `${PRODUCT}\u0000`)), paths: ["productId"], reason: /control character \(U\+0000\)/ },
  { name: "name with an ANSI escape", args: bad(prepaid, (a) => (a.name = "Acme \u001b[2J\u001b[31mAPPROVED")), paths: ["name"], reason: /control character \(U\+001B\)/ },
  { name: "product tag with a C1 control", args: bad(prepaid, (a) => (a.applicableProductTags = ["gpu\u009b"])), paths: ["applicableProductTags[0]"], reason: /U\+009B/ },

  // ---- keys that would change a prototype ---------------------------------------------
  // A `__proto__` key never reaches check through the engine: Pulumi's own
  // serialization drops it (the core tables cover check seeing one). Items
  // placed only under it are therefore missing, and refused as missing.
  { name: "customFields with a constructor key", args: bad(prepaid, (a) => (a.customFields = { constructor: "x", sales_region: "eu" })), paths: ["customFields.constructor"], reason: /a key named "constructor" is not allowed/ },
  { name: "pricingGroupValues with a constructor key", args: bad(prepaid, (a) => (a.specifiers = [{ pricingGroupValues: { constructor: "x" } }])), paths: ["specifiers[0].pricingGroupValues.constructor"], reason: /a key named "constructor" is not allowed/ },
  { name: "presentationGroupValues with a prototype key", args: bad(prepaid, (a) => (a.specifiers = [{ presentationGroupValues: { prototype: "x" } }])), paths: ["specifiers[0].presentationGroupValues.prototype"], reason: /a key named "prototype" is not allowed/ },
  { name: "access items only under __proto__", args: bad(prepaid, (a) => (a.accessSchedule = JSON.parse(`{"__proto__":${JSON.stringify(a.accessSchedule)}}`))), paths: ["accessSchedule.scheduleItems"], reason: /is required: expected a list/ },

  // ---- deep nesting -------------------------------------------------------------------
  // Protocol buffers refuse to serialize values thousands of levels deep; the core tables check those.
  { name: "a custom field nested 60 levels", args: bad(prepaid, (a) => (a.customFields = { sales_region: nested(60) })), paths: ["customFields.sales_region"], reason: /nests deeper than 32 levels/ },
  { name: "an access amount nested 100 levels", args: bad(prepaid, (a) => (a.accessSchedule.scheduleItems[0].amount = nested(100))), paths: ["accessSchedule.scheduleItems"], reason: /nests deeper than 32 levels/ },
  { name: "a specifier nested 40 levels", args: bad(prepaid, (a) => (a.specifiers = [nested(40)])), paths: ["specifiers[0]"], reason: /nests deeper than 32 levels/ },

  // ---- every problem at once ----------------------------------------------------
  {
    name: "several problems reported together",
    args: bad(postpaid, (a) => {
      a.type = "postpaid";
      a.priority = "1";
      a.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T00:10:00Z";
      a.invoiceSchedule.scheduleItems[0].amount = 1;
      a.onDelete = "endAccess";
      a.uniquenessKey = "";
      a.nmae = "typo";
    }),
    paths: ["priority", `${ACCESS0}.startingAt`, INVOICE0, "onDelete", "uniquenessKey", "nmae"],
    reason: /./,
  },
];

// On both ends of the peer range, each in a consumer project of the packed
// package, with the `__provider` that project produces (packed-package.ts).
describe.each(PULUMI_ENDS)("bad-input corpus through the dynamic-provider plugin of the %s @pulumi/pulumi (gRPC Check)", { timeout: TIMEOUT }, (end) => {
  let world: MetronomeWorld;
  let host: PluginHost;
  let provider: string;
  let consumer: ConsumerProject;
  const urn = (name: string) => resourceUrn(TYPE, name.replace(/[^A-Za-z0-9]+/g, "-"), { project: PROJECT });

  beforeAll(async () => {
    world = await startMetronomeWorld();
    consumer = createConsumerProject({ pulumi: end });
    provider = consumer.providerText();
    host = await startPluginHost({ project: PROJECT, cwd: consumer.dir, pluginPath: consumer.pluginPath });
    // As the engine does: the whole stack config, credentials included, so a
    // check that called out would reach the emulator and show in its log.
    const { config, secretConfig } = world.stackConfig();
    await host.configure({ ...config, ...secretConfig });
    await world.control("requests", undefined, "DELETE");
  }, TIMEOUT);

  afterAll(async () => {
    await host?.close();
    await world?.close();
    consumer?.remove();
  });

  it("covers at least 50 invalid argument sets, each with a distinct name", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  it("control: the valid bases pass check, in canonical form without the defaults it fills in", async () => {
    for (const base of [prepaid, postpaid, recurring]) {
      const { failures, inputs } = await host.check(urn("control"), {}, { __provider: provider, ...base() });
      expect(failures).toEqual([]);
      expect(inputs).toMatchObject({ type: String(base().type).toUpperCase() });
      expect(inputs).not.toHaveProperty("onDelete");
      expect(inputs).not.toHaveProperty("rateType");
    }
  });

  it("control: Pulumi's unknown sentinel (preview) is accepted anywhere", async () => {
    const args = bad(postpaid, (a) => {
      a.priority = UNKNOWN;
      a.accessSchedule.scheduleItems[0].amount = UNKNOWN;
      a.invoiceSchedule = UNKNOWN;
      a.specifiers = UNKNOWN;
      a.applicableProductIds = [UNKNOWN];
    });
    const { failures } = await host.check(urn("unknowns"), {}, { __provider: provider, ...args });
    expect(failures).toEqual([]);
  });

  it.each(CORPUS)("$name", async ({ name, args, paths, reason }) => {
    const { failures } = await host.check(urn(name), {}, { __provider: provider, ...args });
    expect(failures.map(failurePath).sort()).toEqual([...paths].sort());
    for (const f of failures) expect(f.reason.length, failurePath(f)).toBeGreaterThan(10);
    expect(failures.find((f) => failurePath(f) === paths[0])!.reason).toMatch(reason);
  });

  it("sent not one request to Metronome", async () => {
    const { data } = (await world.control("requests", undefined, "GET")) as { data: unknown[] };
    expect(data).toEqual([]);
    expect(host.output()).not.toMatch(/Error|ECONNREFUSED/);
  });
});

// ---------------------------------------------------------------------------
// The same failures, through a real `pulumi preview` as a user sees them.

describe("bad input through a real pulumi preview", { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let world: MetronomeWorld;
  let s: TestStack;

  /** A CustomerCommit with `change` applied to valid args for the emulator's real records. */
  const declare = (name: string, base: () => Raw, change: (a: Editable) => void): PulumiFn => {
    return async () => {
      const args = bad(base, change);
      Object.assign(args, { customerId: world.customerId, productId: world.productId, invoiceContractId: world.contractId });
      delete args.uniquenessKey; // the class derives it, as for a user
      new pkg.CustomerCommit(name, args as unknown as Args);
    };
  };

  beforeAll(async () => {
    [engine, world] = await Promise.all([createEngine(), startMetronomeWorld()]);
    s = await engine.newStack(async () => {}, { stackName: "preview", projectName: PROJECT, ...world.stackConfig() });
    await world.control("requests", undefined, "DELETE");
  }, TIMEOUT);

  afterAll(async () => {
    await world?.close();
    await engine?.cleanup();
  });

  it.each([
    {
      name: "off-hour",
      program: () => declare("off-hour", prepaid, (a) => (a.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T09:30:00Z")),
      expected: [[`${ACCESS0}.startingAt`, "must be on a whole UTC hour, e.g. 2027-01-01T09:00:00Z"]],
    },
    {
      name: "postpaid-totals",
      program: () => declare("postpaid-totals", postpaid, (a) => (a.invoiceSchedule.scheduleItems[0].amount = 4_000_000)),
      expected: [[INVOICE0, "POSTPAID invoice total 4000000 must equal the access amount 5000000"]],
    },
    {
      name: "hostile",
      program: () =>
        declare("hostile", postpaid, (a) => {
          a.accessSchedule.scheduleItems[0].amount = 1_000_000_000;
          a.invoiceSchedule.scheduleItems[0].amount = 1_000_000_001;
          a.applicableProductIds = ["../../etc/passwd"];
          a.description = "ok\u0000";
        }),
      expected: [
        [INVOICE0, "POSTPAID invoice total 1000000001 must equal the access amount 1000000000 exactly"],
        ["applicableProductIds[0]", "expected a Metronome id"],
        ["description", "control character (U+0000)"],
      ],
    },
    {
      name: "typo",
      program: () => declare("typo", prepaid, (a) => { a.acessSchedule = a.accessSchedule; delete a.accessSchedule; }),
      expected: [["acessSchedule", "unknown property"], ["accessSchedule", "is required"]],
    },
    {
      name: "many",
      program: () =>
        declare("many", prepaid, (a) => {
          Object.assign(a, { specifiers: [{ productTags: ["compute"] }], applicableProductTags: ["storage"], rateType: "DISCOUNT" });
          a.accessSchedule.scheduleItems[0].endingBefore = "2026-01-01T00:00:00Z";
        }),
      expected: [["specifiers", "cannot be combined with applicableProductTags"], ["rateType", "COMMIT_RATE, LIST_RATE"], [`${ACCESS0}.endingBefore`, "must be after startingAt"]],
    },
  ])("$name: preview fails naming each property, nothing reaches Metronome", async ({ name, program, expected }) => {
    s.setProgram(program());
    const error = await s.preview().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineOpError);
    const shown = `${(error as EngineOpError).stdout}\n${(error as EngineOpError).errors.join("\n")}`;
    // The engine prints a check failure on a top-level scalar as
    //   resource '<name>': property <path> value {<value>} has a problem: <reason>
    // and any other as
    //   resource '<name>' has a problem: <path>: <reason>
    // (provider/core/check.ts): each line names its exact path.
    const shownFailures = [...shown.matchAll(new RegExp(`resource '${name}'(?:: property (\\S+) value .*?)? has a problem: (.*)`, "g"))].map(
      (m) => ({ property: m[1] ?? "", reason: m[2]! }),
    );
    for (const [property, reason] of expected) {
      expect(shownFailures.find((f) => failurePath(f) === property)?.reason, property).toContain(reason!);
    }
    expect(shown).not.toContain("{<nil>}");
    const { data } = (await world.control("requests", undefined, "GET")) as { data: unknown[] };
    expect(data).toEqual([]);
  });
});
