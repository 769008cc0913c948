// The emulator as every test that drives the provider runs it: strict about
// request body fields, so a field the spec does not define for an endpoint
// fails the test instead of being ignored as Metronome would ignore it.
// `PULUMI_METRONOME_TEST_EMULATOR=ignore-unsourced` runs the same tests
// against the emulator's ignoreUnsourced mode as well.

import type { EmulatorOptions } from "../../emulator/index";

const ignoreUnsourced = process.env.PULUMI_METRONOME_TEST_EMULATOR === "ignore-unsourced";

export const TEST_EMULATOR_OPTIONS: EmulatorOptions = { strictFields: true, ...(ignoreUnsourced ? { ignoreUnsourced } : {}) };
