// The end-to-end scenarios whose `pulumi preview --json` output the review is
// tested on: each deploys a "before" program against the emulator, then
// previews an "after" program. Programs use the built package through Node's
// own require (the engine runs them outside vitest's transform).
import { createRequire } from "node:module";
import { loadBuiltPackage } from "../../../helpers/built-package";

const nodeRequire = createRequire(import.meta.url);
type Pulumi = typeof import("@pulumi/pulumi");
type CommitClass = typeof import("../../../../provider/resource/customer-commit").CustomerCommit;
type CreditClass = typeof import("../../../../provider/resource/customer-credit").CustomerCredit;
type Args = import("../../../../provider/resource/args").CustomerCommitArgs;
type CreditArgs = import("../../../../provider/index").CustomerCreditArgs;

export const pulumi: Pulumi = nodeRequire("@pulumi/pulumi");
const { CustomerCommit, CustomerCredit } = loadBuiltPackage<{ CustomerCommit: CommitClass; CustomerCredit: CreditClass }>();

export const EUR = "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13";
export const CLOUD_CREDITS = "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21";

export interface Customer {
  id: string;
  contractId: string;
}

/** What the emulator holds before the scenarios run. */
export interface World {
  acme: Customer;
  globex: Customer;
  globexUs: Customer;
  initech: Customer;
  hooli: Customer;
  piedPiper: Customer;
  prepaidProduct: string;
  postpaidProduct: string;
}

export interface Scenario {
  name: string;
  /** Deployed first; none = an empty stack. */
  before?: (w: World) => void;
  /** Previewed. */
  after: (w: World) => void;
}

const t = (date: string) => `${date}T00:00:00Z`;
const QUARTERS = [
  ["2027-01-01", "2027-04-01"],
  ["2027-04-01", "2027-07-01"],
  ["2027-07-01", "2027-10-01"],
  ["2027-10-01", "2028-01-01"],
] as const;

function commit(name: string, args: Args, opts?: import("@pulumi/pulumi").CustomResourceOptions) {
  return new CustomerCommit(name, args, opts);
}

/** A credit of the customer on the prepaid product: granted, never invoiced. */
function credit(w: World, c: Customer, name: string, extra: Partial<CreditArgs> & Pick<CreditArgs, "accessSchedule">) {
  return new CustomerCredit(name, { customerId: c.id, productId: w.prepaidProduct, priority: 10, name, ...extra });
}

/** A PREPAID commit invoiced on its contract. */
function prepaid(w: World, c: Customer, extra: Partial<Args> & Pick<Args, "accessSchedule">): Args {
  return { customerId: c.id, type: "PREPAID", productId: w.prepaidProduct, priority: 100, invoiceContractId: c.contractId, ...extra };
}

const acme2027 = (w: World, h2: number, extra: Partial<Args> = {}) =>
  commit(
    "acme-2027",
    prepaid(w, w.acme, {
      name: "Acme 2027",
      accessSchedule: {
        scheduleItems: [
          { amount: 6_000_000, startingAt: t("2027-01-01"), endingBefore: t("2027-07-01") },
          { amount: h2, startingAt: t("2027-07-01"), endingBefore: t("2028-01-01") },
        ],
      },
      invoiceSchedule: {
        scheduleItems: [
          { timestamp: t("2027-01-01"), amount: 6_000_000 },
          { timestamp: t("2027-07-01"), amount: h2 },
        ],
      },
      ...extra,
    }),
  );

const quarterly = (w: World, c: Customer, name: string, each: number, quarters: number, extra: Partial<Args> = {}) =>
  commit(
    name,
    prepaid(w, c, {
      name,
      accessSchedule: { scheduleItems: QUARTERS.slice(0, quarters).map(([a, b]) => ({ amount: each, startingAt: t(a), endingBefore: t(b) })) },
      invoiceSchedule: { scheduleItems: QUARTERS.slice(0, quarters).map(([a]) => ({ timestamp: t(a), amount: each })) },
      ...extra,
    }),
  );

const halves = (each: number) => ({
  scheduleItems: [
    { amount: each, startingAt: t("2027-01-01"), endingBefore: t("2027-07-01") },
    { amount: each, startingAt: t("2027-07-01"), endingBefore: t("2028-01-01") },
  ],
});
const yearly = (amount: number, year = 2027) => ({ scheduleItems: [{ amount, startingAt: t(`${year}-01-01`), endingBefore: t(`${year + 1}-01-01`) }] });
const invoicedOnce = (amount: number, date = "2027-01-01") => ({ scheduleItems: [{ timestamp: t(date), amount }] });

export const SCENARIOS: Scenario[] = [
  {
    name: "create",
    after: (w) => {
      commit("acme-2027", prepaid(w, w.acme, { name: "Acme 2027", accessSchedule: yearly(12_000_000), invoiceSchedule: {
        scheduleItems: [
          { timestamp: t("2027-01-01"), amount: 6_000_000 },
          { timestamp: t("2027-07-01"), amount: 6_000_000 },
        ],
      } }));
    },
  },
  {
    name: "edit",
    before: (w) => void acme2027(w, 6_000_000),
    after: (w) =>
      void commit(
        "acme-2027",
        prepaid(w, w.acme, {
          name: "Acme 2027 (expanded)",
          priority: 50,
          accessSchedule: {
            scheduleItems: [
              { amount: 6_000_000, startingAt: t("2027-01-01"), endingBefore: t("2027-07-01") },
              { amount: 9_000_000, startingAt: t("2027-07-01"), endingBefore: t("2028-01-01") },
              { amount: 3_000_000, startingAt: t("2028-01-01"), endingBefore: t("2028-04-01") },
            ],
          },
          invoiceSchedule: {
            scheduleItems: [
              { timestamp: t("2027-01-01"), amount: 6_000_000 },
              { timestamp: t("2027-07-01"), amount: 9_000_000 },
              { timestamp: t("2028-01-01"), amount: 3_000_000 },
            ],
          },
        }),
      ),
  },
  {
    name: "replace",
    before: (w) => {
      commit("globex-2027", prepaid(w, w.globex, { name: "Globex 2027", accessSchedule: yearly(5_000_000), invoiceSchedule: invoicedOnce(5_000_000) }));
      commit("initech-credits", { customerId: w.initech.id, type: "PREPAID", productId: w.prepaidProduct, priority: 100, name: "Initech credits", accessSchedule: yearly(2_000_000), onDelete: "forget" });
    },
    after: (w) => {
      // Moved to another customer (and its contract): Metronome cannot move a commit.
      commit("globex-2027", prepaid(w, w.globexUs, { name: "Globex 2027", accessSchedule: yearly(5_000_000), invoiceSchedule: invoicedOnce(5_000_000) }));
      // Another credit type: cannot be edited either; the old commit is left live (forget).
      commit("initech-credits", { customerId: w.initech.id, type: "PREPAID", productId: w.prepaidProduct, priority: 100, name: "Initech credits", accessSchedule: { creditTypeId: CLOUD_CREDITS, ...yearly(2_000_000) }, onDelete: "forget" });
    },
  },
  {
    name: "delete",
    before: (w) => {
      commit("acme-2027", prepaid(w, w.acme, { name: "Acme 2027", accessSchedule: yearly(8_000_000), invoiceSchedule: invoicedOnce(8_000_000) }));
      quarterly(w, w.hooli, "hooli-2027", 2_500_000, 4, { onDelete: "endAccess" });
      commit("pied-piper-2027", prepaid(w, w.piedPiper, { name: "Pied Piper 2027", accessSchedule: yearly(3_000_000), invoiceSchedule: invoicedOnce(3_000_000), onDelete: "forget" }));
      commit("initech-2027", prepaid(w, w.initech, { name: "Initech 2027", accessSchedule: yearly(1_000_000), invoiceSchedule: invoicedOnce(1_000_000) }), { retainOnDelete: true });
    },
    after: () => {},
  },
  {
    name: "mixed",
    before: (w) => {
      commit("acme-2026", prepaid(w, w.acme, { name: "Acme 2026", accessSchedule: yearly(8_000_000, 2026), invoiceSchedule: invoicedOnce(8_000_000, "2026-01-01") }));
      quarterly(w, w.acme, "acme-2027", 3_000_000, 4);
      commit("globex-2027", prepaid(w, w.globex, {
        name: "Globex 2027",
        onDelete: "endAccess",
        accessSchedule: { creditTypeId: EUR, scheduleItems: QUARTERS.map(([a, b]) => ({ amount: 4_000_000, startingAt: t(a), endingBefore: t(b) })) },
        invoiceSchedule: { creditTypeId: EUR, ...invoicedOnce(16_000_000) },
      }));
      commit("globex-cloud-credits", { customerId: w.globex.id, type: "PREPAID", productId: w.prepaidProduct, priority: 200, name: "Globex cloud credits", accessSchedule: { creditTypeId: CLOUD_CREDITS, ...yearly(500_000) } });
    },
    after: (w) => {
      commit("acme-2026", prepaid(w, w.acme, { name: "Acme 2026", accessSchedule: yearly(8_000_000, 2026), invoiceSchedule: invoicedOnce(8_000_000, "2026-01-01") }));
      commit("acme-2028", prepaid(w, w.acme, { name: "Acme 2028", accessSchedule: yearly(15_000_000, 2028), invoiceSchedule: invoicedOnce(15_000_000, "2028-01-01") }));
      quarterly(w, w.acme, "acme-2027", 3_000_000, 3);
      commit("globex-2027", {
        customerId: w.globex.id,
        type: "POSTPAID",
        productId: w.postpaidProduct,
        priority: 100,
        invoiceContractId: w.globex.contractId,
        name: "Globex 2027",
        // endAccess is for PREPAID commits only; the old (PREPAID) commit keeps its own policy.
        onDelete: "archive",
        accessSchedule: { creditTypeId: EUR, ...yearly(20_000_000) },
        invoiceSchedule: { creditTypeId: EUR, ...invoicedOnce(20_000_000, "2028-01-01") },
      });
    },
  },
  {
    name: "unknowns",
    before: (w) => {
      commit("acme-2027", prepaid(w, w.acme, { name: "Acme 2027", uniquenessKey: "acme-2027-v1", accessSchedule: yearly(12_000_000), invoiceSchedule: invoicedOnce(12_000_000) }));
      commit("globex-2027", prepaid(w, w.globex, { name: "Globex 2027", accessSchedule: yearly(5_000_000), invoiceSchedule: invoicedOnce(5_000_000) }));
    },
    after: (w) => {
      // A commit created in this update: its outputs are unknown until apply.
      const seed = commit("hooli-2027", prepaid(w, w.hooli, { name: "Hooli 2027", accessSchedule: yearly(2_000_000), invoiceSchedule: invoicedOnce(2_000_000) }));
      const later = <T>(value: T) => seed.createdAt.apply(() => value);
      // Customer known only after apply.
      commit("initech-2027", { ...prepaid(w, w.initech, { name: "Initech 2027", uniquenessKey: "initech-2027-v1", accessSchedule: yearly(7_500_000), invoiceSchedule: invoicedOnce(7_500_000) }), customerId: later(w.initech.id) });
      // An amount known only after apply (the key is explicit, so this stays an edit).
      commit("acme-2027", prepaid(w, w.acme, { name: "Acme 2027", uniquenessKey: "acme-2027-v1", accessSchedule: { scheduleItems: [{ amount: later(15_000_000), startingAt: t("2027-01-01"), endingBefore: t("2028-01-01") }] }, invoiceSchedule: invoicedOnce(12_000_000) }));
      // A customer id from another resource: the same customer, but the preview cannot know,
      // so the commit may be replaced. Also a secret name and an unknown description.
      commit("globex-2027", { ...prepaid(w, w.globex, { name: pulumi.secret("Globex 2027 (renewal)"), description: seed.id, accessSchedule: yearly(5_000_000), invoiceSchedule: invoicedOnce(5_000_000) }), customerId: later(w.globex.id) });
    },
  },
  {
    name: "credits",
    before: (w) => {
      commit("acme-2027", prepaid(w, w.acme, { name: "Acme 2027", accessSchedule: yearly(12_000_000), invoiceSchedule: invoicedOnce(12_000_000) }));
      credit(w, w.acme, "acme-promo", { accessSchedule: { scheduleItems: [{ amount: 400_000, startingAt: t("2027-01-01"), endingBefore: t("2027-07-01") }] } });
      credit(w, w.acme, "acme-goodwill", { accessSchedule: yearly(300_000), salesforceOpportunityId: "006-OLD" });
      credit(w, w.acme, "acme-legacy", { accessSchedule: yearly(2_000_000) });
      credit(w, w.acme, "acme-trial", { accessSchedule: halves(100_000), onDelete: "endAccess" });
    },
    after: (w) => {
      // The commit is kept, and a new one added: committed value, apart from the credits'.
      commit("acme-2027", prepaid(w, w.acme, { name: "Acme 2027", accessSchedule: yearly(12_000_000), invoiceSchedule: invoicedOnce(12_000_000) }));
      commit("acme-2028", prepaid(w, w.acme, { name: "Acme 2028", accessSchedule: yearly(15_000_000, 2028), invoiceSchedule: invoicedOnce(15_000_000, "2028-01-01") }));
      credit(w, w.acme, "acme-onboarding", { accessSchedule: { scheduleItems: [{ amount: 500_000, startingAt: t("2027-01-01"), endingBefore: t("2027-04-01") }] } });
      // Raised and renamed: edited in place.
      credit(w, w.acme, "acme-promo", { name: "acme-promo (spring)", accessSchedule: { scheduleItems: [{ amount: 600_000, startingAt: t("2027-01-01"), endingBefore: t("2027-07-01") }] } });
      // Another credit type and another opportunity: neither can be edited.
      credit(w, w.acme, "acme-goodwill", { accessSchedule: { creditTypeId: CLOUD_CREDITS, ...yearly(1_000) }, salesforceOpportunityId: "006-NEW" });
      // acme-legacy (archive) and acme-trial (endAccess) are removed.
    },
  },
];
