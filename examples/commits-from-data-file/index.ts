// Many customers' commits from one reviewed data file. commits.json names
// customers; each stack maps those names to its own Metronome ids (sandbox
// and production ids differ), so the same file drives every environment:
//
//   pulumi config set --path 'commits-from-data-file:customers.acme.customerId' <id>
//   pulumi config set --path 'commits-from-data-file:customers.acme.contractId' <id>
//   ...
//
// A commit without `invoiceOn` is a free allowance (not invoiced).
import * as pulumi from "@pulumi/pulumi";
import { CustomerCommit } from "pulumi-metronome";
import data from "./commits.json";

interface CommitEntry {
  name: string;
  customer: string;
  type: "PREPAID" | "POSTPAID";
  amount: number;
  startingAt: string;
  endingBefore: string;
  invoiceOn?: string;
}

const config = new pulumi.Config();
const customers = config.requireObject<Record<string, { customerId: string; contractId: string }>>("customers");
const commitProductId = config.require("commitProductId");

function customer(name: string) {
  const found = customers[name];
  if (found === undefined) throw new Error(`commits.json names customer "${name}", which this stack's config does not map`);
  return found;
}

export const commitIds: Record<string, pulumi.Output<string>> = {};
for (const entry of data.commits as CommitEntry[]) {
  const { customerId, contractId } = customer(entry.customer);
  const invoiced = entry.invoiceOn !== undefined;
  const commit = new CustomerCommit(entry.name, {
    customerId,
    type: entry.type,
    productId: commitProductId,
    priority: entry.type === "POSTPAID" ? 200 : 100,
    name: entry.name,
    accessSchedule: {
      scheduleItems: [{ amount: entry.amount, startingAt: entry.startingAt, endingBefore: entry.endingBefore }],
    },
    ...(invoiced
      ? {
          invoiceContractId: contractId,
          invoiceSchedule: { scheduleItems: [{ timestamp: entry.invoiceOn!, amount: entry.amount }] },
        }
      : {}),
  });
  commitIds[entry.name] = commit.id;
}
