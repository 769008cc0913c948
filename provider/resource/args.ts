import type * as pulumi from "@pulumi/pulumi";
import type {
  AccessScheduleInputs,
  AccessScheduleItemInputs,
  CustomerCommitInputs,
  CustomerCreditInputs,
  InvoiceScheduleInputs,
  InvoiceScheduleItemInputs,
  OnDelete,
  RecurringScheduleInputs,
  SpecifierInputs,
} from "../core/inputs";

// The args of the resource classes: what a program writes. Each is derived
// from the kind's canonical input type (core/inputs.ts, where every field is
// documented), so a field is declared once: every value may be a plain value,
// a promise or an Output, at every level; Metronome's enums are any string
// (any case is accepted and checked); the uniqueness key may be left out (the
// class derives one). test/provider/resource/args.test.ts proves at compile
// time that the args and each kind's schema name the same fields.

/** `onDelete` is the provider's own and keeps its spelling; Metronome's enums take any case. */
type Written<T> = T extends OnDelete ? OnDelete : T extends string ? string : T;

/** A list element as written: a value (or an object of args), or something that resolves to one. */
type ElementArg<E> = E extends object ? pulumi.Input<ArgsOf<E>> : pulumi.Input<Written<E>>;

/** A canonical value as written. */
type Arg<T> = T extends readonly (infer E)[] ? pulumi.Input<ElementArg<E>[]> : T extends object ? pulumi.Input<ArgsOf<T>> : pulumi.Input<Written<T>>;

/** The args form of a canonical input type, field by field (documentation kept). */
export type ArgsOf<T> = { [K in keyof T]: Arg<NonNullable<T[K]>> };

/** Args in which the uniqueness key may be left out: the resource class derives one. */
type ResourceArgs<T extends { uniquenessKey: string }> = ArgsOf<Omit<T, "uniquenessKey"> & Partial<Pick<T, "uniquenessKey">>>;

export type AccessScheduleItemArgs = ArgsOf<AccessScheduleItemInputs>;
export type AccessScheduleArgs = ArgsOf<AccessScheduleInputs>;
export type InvoiceScheduleItemArgs = ArgsOf<InvoiceScheduleItemInputs>;
export type RecurringScheduleArgs = ArgsOf<RecurringScheduleInputs>;
export type InvoiceScheduleArgs = ArgsOf<InvoiceScheduleInputs>;
export type SpecifierArgs = ArgsOf<SpecifierInputs>;

/** The inputs of `CustomerCommit`, camelCase mirrors of Metronome's create-commit fields. */
export type CustomerCommitArgs = ResourceArgs<CustomerCommitInputs>;

/** The inputs of `CustomerCredit`, camelCase mirrors of Metronome's create-credit fields. */
export type CustomerCreditArgs = ResourceArgs<CustomerCreditInputs>;
