// The demo program: one customer's negotiated commits and credits, as a team would keep
// them beside the rest of its infrastructure. `npm run demo` runs it with the
// real Pulumi engine against the built-in Metronome emulator; with your own
// Pulumi and a Metronome token it runs against Metronome unchanged.
import * as pulumi from "@pulumi/pulumi";
import { CustomerCommit, CustomerCredit } from "pulumi-metronome";

const config = new pulumi.Config();
const customerId = config.require("customerId");
const commitProductId = config.require("commitProductId");
const contractId = config.require("contractId");

// $120,000 of prepaid usage for 2027, invoiced up front. Amounts are USD cents.
const prepaid = new CustomerCommit("acme-2027-prepaid", {
  customerId,
  type: "PREPAID",
  productId: commitProductId,
  priority: 100,
  name: "Acme 2027 prepaid commit",
  accessSchedule: {
    scheduleItems: [{ amount: 12_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
  },
  invoiceContractId: contractId,
  invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 12_000_000 }] },
});

// A $50,000 minimum spend for 2027, trued up at the end of the year.
const postpaid = new CustomerCommit("acme-2027-minimum-spend", {
  customerId,
  type: "POSTPAID",
  productId: commitProductId,
  priority: 200,
  name: "Acme 2027 minimum spend",
  accessSchedule: {
    scheduleItems: [{ amount: 5_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
  },
  invoiceContractId: contractId,
  invoiceSchedule: { scheduleItems: [{ timestamp: "2027-12-31T00:00:00Z", amount: 5_000_000 }] },
});

// A free onboarding allowance: no invoice schedule, so nothing is billed.
const onboarding = new CustomerCommit("acme-onboarding-credit", {
  customerId,
  type: "PREPAID",
  productId: commitProductId,
  priority: 50,
  name: "Acme onboarding allowance",
  accessSchedule: {
    scheduleItems: [{ amount: 500_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" }],
  },
});

// A service credit for a missed SLA: granted, never invoiced, drawn down
// before the commits (lower priority is consumed first).
const slaCredit = new CustomerCredit("acme-2027-sla-credit", {
  customerId,
  productId: commitProductId,
  priority: 10,
  name: "Acme Q1 SLA credit",
  accessSchedule: {
    scheduleItems: [{ amount: 250_000, startingAt: "2027-04-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
  },
});

export const commitIds = { prepaid: prepaid.id, postpaid: postpaid.id, onboarding: onboarding.id };
export const creditIds = { sla: slaCredit.id };
