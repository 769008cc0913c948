// An enterprise customer prepays $1.2M of usage for 2027, billed in four
// quarterly invoices of $300,000, and may draw it down on compute products
// only. Amounts are USD cents.
//
//   pulumi config set enterprise-prepaid:customerId <customer id>
//   pulumi config set enterprise-prepaid:commitProductId <FIXED product id>
//   pulumi config set enterprise-prepaid:contractId <contract id>
//   pulumi config set --secret metronome:bearerToken <token>
//   pulumi up
import * as pulumi from "@pulumi/pulumi";
import { CustomerCommit } from "pulumi-metronome";

const config = new pulumi.Config();

export const commit = new CustomerCommit("globex-2027-enterprise", {
  customerId: config.require("customerId"),
  type: "PREPAID",
  productId: config.require("commitProductId"),
  priority: 100,
  name: "Globex 2027 enterprise commit",
  description: "Order form OF-2027-044, signed 2026-11-02",
  accessSchedule: {
    scheduleItems: [{ amount: 120_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
  },
  invoiceContractId: config.require("contractId"),
  invoiceSchedule: {
    recurringSchedule: {
      frequency: "QUARTERLY",
      amountDistribution: "DIVIDED",
      amount: 120_000_000,
      startingAt: "2027-01-01T00:00:00Z",
      endingBefore: "2028-01-01T00:00:00Z",
    },
  },
  specifiers: [{ productTags: ["compute"] }],
  // Keep the commit (and its invoices) if this resource is ever removed by mistake.
  onDelete: "endAccess",
}, { protect: true });

export const commitId = commit.id;
