import type * as pulumi from "@pulumi/pulumi";

/**
 * The output properties a resource class declares, one per output of the
 * kind (each documented where the output type is), so that a field is
 * declared once. A class merges them in with an interface of its own name.
 */
export type OutputProperties<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };
