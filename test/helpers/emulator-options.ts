// The emulator as every test that drives the provider runs it: strict about
// request body fields, so a field the spec does not define for an endpoint
// fails the test instead of being ignored as Metronome would ignore it.

import type { EmulatorOptions } from "../../emulator/index";

export const TEST_EMULATOR_OPTIONS = { strictFields: true } as const satisfies EmulatorOptions;
