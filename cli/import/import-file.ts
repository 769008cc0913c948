// The Pulumi import file written beside the declarations (`--import-file`),
// for `pulumi import --file <file> --generate-code=false`.
//
// Pulumi cannot read a dynamic resource by id (its provider code lives in
// the resource's state, and an import has none), but since Pulumi 3.254 an
// import file may give each resource its `inputs` and `outputs`; with
// outputs given, the provider's Read is skipped and the state is taken as
// written. So each resource carries what the provider itself would hold
// after adopting the record: the kind's provider's `read` of it (for a
// commit `customerCommitProvider`, for a credit `customerCreditProvider`),
// against the declaration's canonical inputs, plus the `__provider` text the
// resource class stores. The program's declaration then previews with no
// changes, and nothing is written to Metronome.

import type * as pulumi from "@pulumi/pulumi";
import {
  CUSTOMER_COMMIT_PROVIDER_TEXT,
  CUSTOMER_CREDIT_PROVIDER_TEXT,
  customerCommitProvider,
  customerCreditProvider,
} from "../../provider";
import { defaultUniquenessKey, replaceOnlyFields, validateInputs } from "../../provider/core";
import type { Kind } from "../../provider/core/kind/kind";
import type { Obj } from "../../provider/core/util";
import { counted, listed } from "./kinds";
import { type CustomerModel, type Declaration, declarationsOf } from "./model";

type PublicProvider = typeof customerCommitProvider;

/** Each kind's provider and `__provider` text, by the provider's export name (the kind's `providerName`). */
const PROVIDERS: Readonly<Record<string, { provider: PublicProvider; text: string }>> = {
  customerCommitProvider: { provider: customerCommitProvider, text: CUSTOMER_COMMIT_PROVIDER_TEXT },
  customerCreditProvider: { provider: customerCreditProvider, text: CUSTOMER_CREDIT_PROVIDER_TEXT },
};

/** The provider that reads records of `kind`, and the `__provider` text its resources store. */
export function providerOf(kind: Kind): { provider: PublicProvider; text: string } {
  const found = PROVIDERS[kind.providerName];
  if (found === undefined) throw new Error(`no provider ${kind.providerName} for ${kind.typeName}`);
  return found;
}

export interface ImportResource {
  type: string;
  name: string;
  id: string;
  inputs: Obj;
  outputs: Obj;
}

export interface ImportFile {
  resources: ImportResource[];
}

/** Where derived uniqueness keys come from: the program's project and stack. */
export interface KeyContext {
  project?: string;
  stack?: string;
}

export interface BuiltImportFile {
  file: ImportFile;
  /** Declarations left out, each with the reason. */
  left: Array<{ resourceName: string; reason: string }>;
}

/** Credentials for the provider's read, as the command has them (never from anywhere else). */
export interface ReadCredentials {
  bearerToken: string;
  baseUrl: string;
}

export async function buildImportFile(models: readonly CustomerModel[], keys: KeyContext, credentials: ReadCredentials): Promise<BuiltImportFile> {
  const declarations = declarationsOf(models);
  const keyless = declarations.filter((d) => typeof d.args.uniquenessKey !== "string");
  if (keyless.length > 0 && (keys.project === undefined || keys.stack === undefined)) {
    const kinds = [...new Set(keyless.map((d) => d.kind))];
    const records = listed(kinds.map((k) => counted(keyless.filter((d) => d.kind === k).length, k.noun)));
    throw new ImportFileError(
      `${records} ${keyless.length === 1 ? "has" : "have"} no uniqueness key in Metronome ` +
        `(${keyless.map((d) => d.id).join(", ")}), so ${listed(kinds.map((k) => k.typeName))} ${kinds.length === 1 ? "derives" : "derive"} ` +
        `one from the project, the stack and the ` +
        `resource name. The import file must hold the same key: ${keys.stack === undefined ? "pass --stack <name>" : ""}` +
        `${keys.stack === undefined && keys.project === undefined ? " and " : ""}` +
        `${keys.project === undefined ? "run in the project directory (Pulumi.yaml) or pass --project <name>" : ""}.`,
    );
  }

  const config = new Map([
    ["metronome:bearerToken", credentials.bearerToken],
    ["metronome:baseUrl", credentials.baseUrl],
  ]);
  const request = { config: { get: (key: string) => config.get(key) } } as unknown as pulumi.dynamic.ConfigureRequest;
  for (const kind of new Set(declarations.map((d) => d.kind))) await providerOf(kind).provider.configure(request);

  const left: BuiltImportFile["left"] = [];
  // Read together: the provider answers reads of one customer from one listing.
  const resources = await Promise.all(
    declarations.map(async (d): Promise<ImportResource | undefined> => {
      const checked = validateInputs<Obj>({ ...d.args, uniquenessKey: uniquenessKeyOf(d, keys) }, d.kind);
      if (!checked.ok) {
        left.push({ resourceName: d.resourceName, reason: "its declaration does not pass the provider's checks (see its WARNING)" });
        return undefined;
      }
      const { provider, text } = providerOf(d.kind);
      const read = await provider.read(d.id, checked.inputs);
      if (read.id === undefined || read.props === undefined || read.inputs === undefined) {
        left.push({ resourceName: d.resourceName, reason: `${d.kind.noun} ${d.id} is no longer live in Metronome` });
        return undefined;
      }
      return {
        type: d.kind.typeToken,
        name: d.resourceName,
        id: d.id,
        inputs: { ...read.inputs, __provider: text },
        outputs: { ...read.props, __provider: text },
      };
    }),
  );
  return { file: { resources: resources.filter((r): r is ImportResource => r !== undefined) }, left };
}

/** The key the resource class will use for this declaration: Metronome's own, else the one it derives. */
function uniquenessKeyOf(d: Declaration, keys: KeyContext): string {
  if (typeof d.args.uniquenessKey === "string") return d.args.uniquenessKey;
  return defaultUniquenessKey({
    project: keys.project as string,
    stack: keys.stack as string,
    name: d.resourceName,
    replaceOnly: replaceOnlyFields(d.args, d.kind),
    ...(d.kind.keyScope === undefined ? {} : { scope: d.kind.keyScope }),
  });
}

export class ImportFileError extends Error {
  override readonly name = "ImportFileError";
}
