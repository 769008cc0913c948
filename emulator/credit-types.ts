// The pricing units every emulator starts with. USD (cents) carries the id
// Metronome's docs use everywhere (it is the default of both commit
// schedules); the others have fixed ids so tests and demos can name them.

import type { CreditTypeRecord } from "./model";

export const USD_CENTS_CREDIT_TYPE_ID = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";
/** A custom (non-currency) pricing unit. */
export const CLOUD_CREDITS_CREDIT_TYPE_ID = "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21";
export const EUR_CENTS_CREDIT_TYPE_ID = "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13";

export const SEED_CREDIT_TYPES: readonly CreditTypeRecord[] = [
  { id: USD_CENTS_CREDIT_TYPE_ID, name: "USD (cents)", is_currency: true },
  { id: EUR_CENTS_CREDIT_TYPE_ID, name: "EUR (cents)", is_currency: true },
  { id: CLOUD_CREDITS_CREDIT_TYPE_ID, name: "Cloud credits", is_currency: false },
];
