// `CustomerCreditArgs` (what users write) and the credit kind's schema (what
// `check` accepts) must name the same fields at every level. The
// `expectTypeOf` assertions fail to compile when a field is added to one and
// not the other; the test compiles this file with the TypeScript compiler.

import { typeErrorsOf } from "../../helpers/type-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { Unwrap } from "@pulumi/pulumi";
import type { CustomerCreditArgs } from "../../../provider/resource/args";
import { customerCreditKind } from "../../../provider/core/kinds/credit";

type Args = Unwrap<CustomerCreditArgs>;
type Schema = z.input<typeof customerCreditKind.schema>;
type Parsed = z.output<typeof customerCreditKind.schema>;
type Keys<T> = keyof (NonNullable<T> extends ReadonlyArray<infer E> ? NonNullable<E> : NonNullable<T>);
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

expectTypeOf<keyof Args>().toEqualTypeOf<keyof Schema>();
expectTypeOf<Keys<Args["accessSchedule"]>>().toEqualTypeOf<Keys<Schema["accessSchedule"]>>();
expectTypeOf<Keys<Args["specifiers"]>>().toEqualTypeOf<Keys<Schema["specifiers"]>>();
expectTypeOf<RequiredKeys<Args>>().toEqualTypeOf<Exclude<RequiredKeys<Parsed>, "uniquenessKey">>();

describe("CustomerCreditArgs and the credit schema", () => {
  it("name the same fields (run time: the schema has no commit-only field)", () => {
    const names = Object.keys(customerCreditKind.schema.shape);
    for (const commitOnly of ["type", "invoiceSchedule", "invoiceContractId", "existingCommitId"]) expect(names).not.toContain(commitOnly);
    expect(names).toContain("existingCreditId");
  });

  it("compile: this file type-checks, so the args and the schema agree", () => {
    expect(typeErrorsOf(expect.getState().testPath as string)).toEqual([]);
  }, 60_000);
});
