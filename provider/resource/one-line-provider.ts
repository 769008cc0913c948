import * as pulumi from "@pulumi/pulumi";

/**
 * A dynamic resource whose `__provider` is the given module text as it is.
 *
 * `pulumi.dynamic.Resource`'s constructor always serializes the provider
 * object it is handed (kilobytes of closure text per resource), so this class
 * extends `CustomResource` and registers the dynamic type token and
 * `__provider` itself, which is all that constructor does besides
 * serializing. The prototype of its prototype is then set to
 * `pulumi.dynamic.Resource.prototype` (itself a `CustomResource` prototype),
 * so that its instances are `pulumi.dynamic.Resource`s as the public contract
 * says: `instanceof` holds, and nothing of `dynamic.Resource` is skipped
 * (it defines no members of its own, only that constructor).
 */
export abstract class OneLineProviderResource extends pulumi.CustomResource {
  constructor(
    providerText: string,
    module: string,
    type: string,
    name: string,
    props: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(`pulumi-nodejs:dynamic/${module}:${type}`, name, { ...props, __provider: providerText }, opts);
  }
}
Object.setPrototypeOf(OneLineProviderResource.prototype, pulumi.dynamic.Resource.prototype);
