// `CustomerCommitArgs` (what users write, with TSDoc) and the zod schema
// (what `check` accepts) must name the same fields at every level. The
// `expectTypeOf` assertions below fail to compile when a field is added to
// one and not the other; the last test compiles this very file with the
// TypeScript compiler, so the mismatch also fails `vitest run` (which does
// not type-check by itself).

import { typeErrorsOf } from "../../helpers/type-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { Unwrap } from "@pulumi/pulumi";
import type { CustomerCommitArgs } from "../../../provider/resource/args";
import { customerCommitInputsSchema } from "../../../provider/core";

type Args = Unwrap<CustomerCommitArgs>;
type Schema = z.input<typeof customerCommitInputsSchema>;
type Parsed = z.output<typeof customerCommitInputsSchema>;

/** Keys of an object type, or of the element of an array type; `undefined` stripped. */
type Keys<T> = keyof (NonNullable<T> extends ReadonlyArray<infer E> ? NonNullable<E> : NonNullable<T>);
/** Keys whose property is not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

type AccessA = NonNullable<Args["accessSchedule"]>;
type AccessS = NonNullable<Schema["accessSchedule"]>;
type InvoiceA = NonNullable<Args["invoiceSchedule"]>;
type InvoiceS = NonNullable<Schema["invoiceSchedule"]>;

// Compile-time assertions (no-ops at run time; the last test compiles them).
expectTypeOf<keyof Args>().toEqualTypeOf<keyof Schema>();
expectTypeOf<Keys<AccessA>>().toEqualTypeOf<Keys<AccessS>>();
expectTypeOf<Keys<AccessA["scheduleItems"]>>().toEqualTypeOf<Keys<AccessS["scheduleItems"]>>();
expectTypeOf<Keys<InvoiceA>>().toEqualTypeOf<Keys<InvoiceS>>();
expectTypeOf<Keys<InvoiceA["scheduleItems"]>>().toEqualTypeOf<Keys<InvoiceS["scheduleItems"]>>();
expectTypeOf<Keys<InvoiceA["recurringSchedule"]>>().toEqualTypeOf<Keys<InvoiceS["recurringSchedule"]>>();
expectTypeOf<Keys<Args["specifiers"]>>().toEqualTypeOf<Keys<Schema["specifiers"]>>();
// The same fields are required, except the uniqueness key the class derives.
// (Required-ness is read from the parsed type: a case-insensitive enum's
// input type is `unknown`.)
expectTypeOf<RequiredKeys<Args>>().toEqualTypeOf<Exclude<RequiredKeys<Parsed>, "uniquenessKey">>();
expectTypeOf<"uniquenessKey">().toExtend<RequiredKeys<Parsed>>();
expectTypeOf<RequiredKeys<AccessA>>().toEqualTypeOf<RequiredKeys<NonNullable<Parsed["accessSchedule"]>>>();
expectTypeOf<RequiredKeys<InvoiceA>>().toEqualTypeOf<RequiredKeys<NonNullable<Parsed["invoiceSchedule"]>>>();
expectTypeOf<RequiredKeys<NonNullable<InvoiceA["recurringSchedule"]>>>().toEqualTypeOf<
  RequiredKeys<NonNullable<NonNullable<Parsed["invoiceSchedule"]>["recurringSchedule"]>>
>();

describe("CustomerCommitArgs and the schema", () => {
  it("name the same top-level fields (run time)", () => {
    const fields: Record<keyof Args, true> = {
      customerId: true,
      type: true,
      productId: true,
      priority: true,
      accessSchedule: true,
      invoiceSchedule: true,
      invoiceContractId: true,
      applicableContractIds: true,
      applicableProductIds: true,
      applicableProductTags: true,
      specifiers: true,
      name: true,
      description: true,
      customFields: true,
      netsuiteSalesOrderId: true,
      salesforceOpportunityId: true,
      rateType: true,
      uniquenessKey: true,
      onDelete: true,
      existingCommitId: true,
    };
    expect(Object.keys(fields).sort()).toEqual(Object.keys(customerCommitInputsSchema.shape).sort());
  });

  it("compiles: this file type-checks, so the compile-time assertions hold", () => {
    expect(typeErrorsOf(expect.getState().testPath as string)).toEqual([]);
  }, 60_000);
});
