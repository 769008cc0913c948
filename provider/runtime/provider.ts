// The runtime providers, one per kind, each the provider of kind-provider.ts
// over the kind's binding. (The public declarations of this file name no
// internal type: they spell out the providers' methods.)

import { commitBinding, creditBinding } from "./kind-binding";
import { providerFor } from "./kind-provider";

/** The Metronome customer-commit provider (`CustomerCommit`'s `__provider` returns it). */
export const customerCommitProvider = providerFor(commitBinding);

/** The Metronome customer-credit provider (`CustomerCredit`'s `__provider` returns it). */
export const customerCreditProvider = providerFor(creditBinding);
