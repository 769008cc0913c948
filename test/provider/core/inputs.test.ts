// The canonical input types in provider/core/inputs.ts are written out by
// hand (the public declarations must not reach zod), so they must stay equal
// to what the zod schema parses to. The `expectTypeOf` assertions fail to
// compile on any difference; the test compiles this file with the
// TypeScript compiler, so a mismatch also fails `vitest run`.

import { typeErrorsOf } from "../../helpers/type-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type * as inputs from "../../../provider/core/inputs";
import {
  accessScheduleItemSchema,
  accessScheduleSchema,
  customerCommitInputsSchema,
  invoiceScheduleItemSchema,
  invoiceScheduleSchema,
  recurringScheduleSchema,
  specifierSchema,
} from "../../../provider/core/schema";
import { customerCreditKind } from "../../../provider/core/kinds/credit";

expectTypeOf<z.output<typeof customerCommitInputsSchema>>().toEqualTypeOf<inputs.CustomerCommitInputs>();
expectTypeOf<z.output<typeof customerCreditKind.schema>>().toEqualTypeOf<inputs.CustomerCreditInputs>();
expectTypeOf<z.output<typeof accessScheduleSchema>>().toEqualTypeOf<inputs.AccessScheduleInputs>();
expectTypeOf<z.output<typeof accessScheduleItemSchema>>().toEqualTypeOf<inputs.AccessScheduleItemInputs>();
expectTypeOf<z.output<typeof invoiceScheduleSchema>>().toEqualTypeOf<inputs.InvoiceScheduleInputs>();
expectTypeOf<z.output<typeof invoiceScheduleItemSchema>>().toEqualTypeOf<inputs.InvoiceScheduleItemInputs>();
expectTypeOf<z.output<typeof recurringScheduleSchema>>().toEqualTypeOf<inputs.RecurringScheduleInputs>();
expectTypeOf<z.output<typeof specifierSchema>>().toEqualTypeOf<inputs.SpecifierInputs>();

describe("the written-out canonical input types", () => {
  it("compile against the schema: this file type-checks, so they equal its parsed output", () => {
    expect(typeErrorsOf(expect.getState().testPath as string)).toEqual([]);
  }, 60_000);
});
