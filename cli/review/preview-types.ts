// The parts of `pulumi preview --json` (a PreviewDigest) that the review
// reads (docs/pulumi-dynamic.md). Everything else in the document is
// ignored, and every field is optional because the CLI omits empty ones.

/** A resource's state as the CLI prints it (apitype ResourceV3); secrets are "[secret]". */
export interface ResourceState {
  urn?: string;
  type?: string;
  id?: string;
  custom?: boolean;
  /** True on the old state of a resource being replaced. */
  delete?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
}

export interface PropertyDiff {
  kind: string;
  inputDiff?: boolean;
}

export interface PreviewStep {
  op: string;
  urn: string;
  oldState?: ResourceState | null;
  newState?: ResourceState | null;
  diffReasons?: string[] | null;
  replaceReasons?: string[] | null;
  detailedDiff?: Record<string, PropertyDiff> | null;
}

export interface PreviewDiagnostic {
  urn?: string;
  prefix?: string;
  message: string;
  severity: string;
}

export interface PreviewDigest {
  steps?: PreviewStep[];
  diagnostics?: PreviewDiagnostic[];
  changeSummary?: Record<string, number>;
}

