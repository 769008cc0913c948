import * as pulumi from "@pulumi/pulumi";

/**
 * Makes the instances of `resourceClass`, a direct subclass of
 * `CustomResource` registered under a `pulumi-nodejs:dynamic/...` type token (its kind's `typeToken`)
 * with a `__provider` text of its own, `pulumi.dynamic.Resource`s.
 *
 * Why not extend `pulumi.dynamic.Resource`: its constructor always serializes
 * the provider object it is handed (kilobytes of closure text per resource),
 * and the dynamic type token and `__provider` are all it adds to
 * `CustomResource`. So the class registers those itself, and the prototype of
 * its prototype becomes `pulumi.dynamic.Resource.prototype` (whose own
 * prototype is `CustomResource.prototype`): `instanceof pulumi.dynamic.Resource`
 * holds and nothing of it is skipped (it defines no members). Extending
 * `CustomResource` directly also keeps the class one constructor deep, as the
 * SDK expects, so the source position Pulumi records is the program's line.
 */
export function asDynamicResource(resourceClass: abstract new (...args: never[]) => pulumi.CustomResource): void {
  Object.setPrototypeOf(resourceClass.prototype, pulumi.dynamic.Resource.prototype);
}
