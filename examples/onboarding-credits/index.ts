// Every new customer gets $500 of onboarding credit for their first 90 days;
// those who signed during the launch also get $2,000 that only the analytics
// products can draw down. Credits are granted, never invoiced. Adding a
// customer to the config creates its credits; removing one ends their access
// at the next whole hour (onDelete: "endAccess") instead of archiving them,
// so Metronome keeps the history. Amounts are USD cents.
import * as pulumi from "@pulumi/pulumi";
import { CustomerCredit } from "pulumi-metronome";

const config = new pulumi.Config();
const customers = config.requireObject<Record<string, string>>("customers");
const productId = config.require("creditProductId");
const launchCustomers = new Set(["acme"]);

export const creditIds: Record<string, pulumi.Output<string>> = {};

for (const [name, customerId] of Object.entries(customers)) {
  const onboarding = new CustomerCredit(`${name}-onboarding`, {
    customerId,
    productId,
    priority: 10,
    name: "Onboarding credit",
    accessSchedule: {
      scheduleItems: [{ amount: 50_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" }],
    },
    onDelete: "endAccess",
  });
  creditIds[`${name}-onboarding`] = onboarding.id;

  if (launchCustomers.has(name)) {
    const promotion = new CustomerCredit(`${name}-launch-promotion`, {
      customerId,
      productId,
      priority: 20,
      name: "Launch promotion: analytics",
      description: "Launch offer, analytics products only",
      accessSchedule: {
        scheduleItems: [{ amount: 200_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
      },
      applicableProductTags: ["analytics"],
      onDelete: "endAccess",
    });
    creditIds[`${name}-launch-promotion`] = promotion.id;
  }
}
