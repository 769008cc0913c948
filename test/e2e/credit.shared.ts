/**
 * What the credit tests that cross into Pulumi (the plugin over gRPC, the
 * real engine, the credit fault rows) share: the credit's type token, a
 * credit as a program declares it, and looks at the credits Metronome holds
 * through the official SDK. A listed credit carries no archive mark, so
 * "archived" is "listed only with include_archived".
 */
import type Metronome from "@metronome/sdk";
import type { MetronomeWorld } from "../helpers/metronome-world";

export type CreditArgs = import("../../provider").CustomerCreditArgs;

export const CREDIT_TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCredit";
export const COMMIT_TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";

export const CREDIT_CREATE = "/v1/contracts/customerCredits/create";
export const CREDIT_LIST = "/v1/contracts/customerCredits/list";
export const CREDIT_EDIT = "/v2/contracts/credits/edit";
export const CREDIT_ARCHIVE = "/v2/contracts/credits/archive";

/** The credit custom-field key the programs use (entity `contract_credit`). */
export const CREDIT_FIELD_KEY = "campaign";

export async function registerCreditFieldKey(world: MetronomeWorld): Promise<void> {
  await world.sdk.v1.customFields.addKey({ entity: "contract_credit", key: CREDIT_FIELD_KEY, enforce_uniqueness: false });
}

/** An onboarding credit of `customerId`: $500 to draw down in the first half of 2027. */
export function onboardingCredit(world: MetronomeWorld, customerId: string, overrides: Partial<CreditArgs> = {}): CreditArgs {
  return {
    customerId,
    productId: world.productId,
    priority: 50,
    name: "Onboarding credit",
    accessSchedule: { scheduleItems: [{ amount: 50_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" }] },
    ...overrides,
  };
}

/** Every credit of the customer, archived ones included. */
export async function allCredits(world: MetronomeWorld, customerId: string): Promise<Metronome.Credit[]> {
  return listCredits(world, customerId, true);
}

/** The customer's live credits (the default listing). */
export async function liveCredits(world: MetronomeWorld, customerId: string): Promise<Metronome.Credit[]> {
  return listCredits(world, customerId, false);
}

async function listCredits(world: MetronomeWorld, customerId: string, includeArchived: boolean): Promise<Metronome.Credit[]> {
  const all: Metronome.Credit[] = [];
  for await (const c of world.sdk.v1.customers.credits.list({ customer_id: customerId, include_archived: includeArchived })) all.push(c);
  return all;
}

/** The customer's credits (archived included) carrying `key`. */
export async function creditWithKey(world: MetronomeWorld, customerId: string, key: string): Promise<Metronome.Credit[]> {
  return (await allCredits(world, customerId)).filter((c) => c.uniqueness_key === key);
}

/** Where Metronome lists the credit: "live", "archived" (only with include_archived) or "absent". */
export async function listedAs(world: MetronomeWorld, customerId: string, creditId: string): Promise<"live" | "archived" | "absent"> {
  if ((await liveCredits(world, customerId)).some((c) => c.id === creditId)) return "live";
  return (await allCredits(world, customerId)).some((c) => c.id === creditId) ? "archived" : "absent";
}

/** Archives a credit behind Pulumi's back (the SDK has no method for this path). */
export async function archiveCredit(world: MetronomeWorld, customerId: string, creditId: string): Promise<void> {
  await world.sdk.post("/v2/contracts/credits/archive", { body: { customer_id: customerId, credit_id: creditId } });
}
