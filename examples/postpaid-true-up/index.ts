// A customer commits to spend at least $250,000 in 2027. Usage is billed as
// it happens; on 31 December Metronome invoices whatever is left of the
// commitment (the true-up). Metronome's rules for POSTPAID commits: exactly
// one access period and one invoice, for the same amount. Amounts are USD cents.
import * as pulumi from "@pulumi/pulumi";
import { CustomerCommit } from "pulumi-metronome";

const config = new pulumi.Config();
const minimumSpend = 25_000_000;

export const commit = new CustomerCommit("initech-2027-minimum-spend", {
  customerId: config.require("customerId"),
  type: "POSTPAID",
  productId: config.require("commitProductId"),
  priority: 200,
  name: "Initech 2027 minimum spend",
  accessSchedule: {
    scheduleItems: [{ amount: minimumSpend, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
  },
  invoiceContractId: config.require("contractId"),
  invoiceSchedule: { scheduleItems: [{ timestamp: "2027-12-31T00:00:00Z", amount: minimumSpend }] },
  rateType: "COMMIT_RATE",
});

export const commitId = commit.id;
