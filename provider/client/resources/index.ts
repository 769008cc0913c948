// The client's resources, one file each.
export { Commits, type CommitWireTypes } from "./commits";
export { Contracts } from "./contracts";
export { CreditTypes } from "./credit-types";
export { Credits, type CreditWireTypes } from "./credits";
export { CustomFields } from "./custom-fields";
export { Customers } from "./customers";
export type { GetOptions, KindEndpoints, KindWireTypes } from "./kind-endpoints";
export { KindResource, type KindSpec } from "./kind-resource";
export { Products } from "./products";
export type { WriteOptions } from "./context";
