// The credit side of the runtime tests: the credit provider driven as the
// engine drives it (check, then create, each command a new deployment), a
// credit as a user declares it, the credit endpoints' paths, and looks at
// the credits Metronome holds. The emulator, the configured provider and the
// customer world come from harness.ts, shared with the commit tests.

import { expect } from "vitest";
import type { Credit } from "../../../provider/api/wire";
import type { MetronomeClient } from "../../../provider/client";
import { canonicalize } from "../../../provider/core/canonical";
import { customerCreditKind } from "../../../provider/core/kinds/credit";
import { customerCreditProvider } from "../../../provider/runtime/provider";
import { PATHS, newDeployment, newKey, summarize, type LoggedCall, type Raw, type World } from "./harness";

export { customerCreditProvider as creditProvider };

export const CREDIT_PATHS = {
  create: "/v1/contracts/customerCredits/create",
  list: "/v1/contracts/customerCredits/list",
  edit: "/v2/contracts/credits/edit",
  archive: "/v2/contracts/credits/archive",
  endDate: "/v1/contracts/customerCredits/updateEndDate",
  setFields: PATHS.setFields,
  deleteFields: PATHS.deleteFields,
} as const;

/** An onboarding credit as a user declares it: $500 to draw down in the first quarter of 2027. */
export function creditArgs(w: World, extra: Raw = {}): Raw {
  return {
    customerId: w.customerId,
    productId: w.productId,
    priority: 50,
    name: "Onboarding credit",
    accessSchedule: {
      scheduleItems: [{ amount: 50_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" }],
    },
    uniquenessKey: newKey("credit"),
    ...extra,
  };
}

/** A credit whose access runs now (it started in January 2026), so that its access can be ended. */
export function runningCreditArgs(w: World, extra: Raw = {}): Raw {
  return creditArgs(w, {
    accessSchedule: {
      scheduleItems: [{ amount: 200_000, startingAt: "2026-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
    },
    ...extra,
  });
}

/** Credit inputs as check stores them, with the defaults canonicalizing fills in: what outputs hold. */
export const canonicalCredit = (inputs: Raw): Raw => canonicalize(inputs, customerCreditKind);

/** `check` as the engine calls it on the credit provider; fails the test on any failure. */
export async function checkedCredit(raw: Raw, olds: Raw = {}): Promise<Raw> {
  const result = await customerCreditProvider.check(olds, { __provider: "shim", ...raw });
  expect(result.failures ?? []).toEqual([]);
  const { __provider: _p, ...inputs } = result.inputs as Raw;
  return inputs;
}

/** check, then create, as an earlier `pulumi up` does; what follows is a new deployment. */
export async function createdCredit(raw: Raw): Promise<{ inputs: Raw; id: string; outs: Raw }> {
  const inputs = await checkedCredit(raw);
  const result = await customerCreditProvider.create({ __provider: "shim", ...inputs });
  newDeployment();
  return { inputs, id: result.id, outs: result.outs as Raw };
}

/** Every credit of the customer carrying `key`, archived included, straight from Metronome. */
export async function creditsWithKey(api: MetronomeClient, customerId: string, key: string): Promise<Credit[]> {
  const all = await api.credits.listAll({ customer_id: customerId, include_archived: true });
  return all.filter((c) => c.uniqueness_key === key);
}

/** The live credit, straight from Metronome; undefined when it is archived or unknown. */
export function liveCredit(api: MetronomeClient, customerId: string, creditId: string): Promise<Credit | undefined> {
  return api.credits.get(customerId, creditId, { includeArchived: false });
}

/** The live credit, failing the test when Metronome lists it only with archived ones (or not at all). */
export async function metronomeCredit(api: MetronomeClient, customerId: string, creditId: string): Promise<Credit> {
  const credit = await liveCredit(api, customerId, creditId);
  if (credit === undefined) throw new Error(`no live credit ${creditId} in Metronome`);
  return credit;
}

/**
 * Where Metronome lists the credit: "live" (in the default listing),
 * "archived" (only with `include_archived`), or "absent". A listed credit
 * carries no archive mark, so this is the only way to tell.
 */
export async function listedAs(api: MetronomeClient, customerId: string, creditId: string): Promise<"live" | "archived" | "absent"> {
  if ((await liveCredit(api, customerId, creditId)) !== undefined) return "live";
  return (await api.credits.get(customerId, creditId, { includeArchived: true })) === undefined ? "absent" : "archived";
}

/** Paths (with statuses) of the calls that may change Metronome: everything but the two lists. */
export const creditWritesIn = (calls: LoggedCall[]): string[] =>
  summarize(calls.filter((c) => c.path !== CREDIT_PATHS.list && c.path !== PATHS.list));

/** Outputs without schedule-item ids and revision: what must equal the declared (canonical) inputs. */
export function declaredCreditPart(outs: Raw): Raw {
  const copy = JSON.parse(JSON.stringify(outs)) as Raw & { accessSchedule?: { scheduleItems?: Raw[] } };
  delete copy.revision;
  for (const item of copy.accessSchedule?.scheduleItems ?? []) delete item.id;
  return copy;
}
