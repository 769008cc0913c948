// The Pulumi import file written beside the declarations (`--import-file`),
// for `pulumi import --file <file> --generate-code=false`.
//
// Pulumi cannot read a dynamic resource by id (its provider code lives in
// the resource's state, and an import has none), but since Pulumi 3.254 an
// import file may give each resource its `inputs` and `outputs`; with
// outputs given, the provider's Read is skipped and the state is taken as
// written. So each resource carries what the provider itself would hold
// after adopting the commit: `customerCommitProvider.read` of the commit,
// against the declaration's canonical inputs, plus the `__provider` text the
// resource class stores. The program's declaration then previews with no
// changes, and nothing is written to Metronome.

import type * as pulumi from "@pulumi/pulumi";
import { CUSTOMER_COMMIT_PROVIDER_TEXT, customerCommitProvider } from "../../provider";
import { defaultUniquenessKey, replaceOnlyFields, validateInputs } from "../../provider/core";
import type { Obj } from "../../provider/core/util";
import { CUSTOMER_COMMIT_TYPE } from "./managed";
import type { CustomerModel, Declaration } from "./model";

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
  const declarations = models.flatMap((m) => m.declarations);
  const keyless = declarations.filter((d) => typeof d.args.uniquenessKey !== "string");
  if (keyless.length > 0 && (keys.project === undefined || keys.stack === undefined)) {
    throw new ImportFileError(
      `${keyless.length} commit${keyless.length === 1 ? " has" : "s have"} no uniqueness key in Metronome ` +
        `(${keyless.map((d) => d.commitId).join(", ")}), so CustomerCommit derives one from the project, the stack and the ` +
        `resource name. The import file must hold the same key: ${keys.stack === undefined ? "pass --stack <name>" : ""}` +
        `${keys.stack === undefined && keys.project === undefined ? " and " : ""}` +
        `${keys.project === undefined ? "run in the project directory (Pulumi.yaml) or pass --project <name>" : ""}.`,
    );
  }

  const config = new Map([
    ["metronome:bearerToken", credentials.bearerToken],
    ["metronome:baseUrl", credentials.baseUrl],
  ]);
  await customerCommitProvider.configure({ config: { get: (key: string) => config.get(key) } } as unknown as pulumi.dynamic.ConfigureRequest);
  const providerText = CUSTOMER_COMMIT_PROVIDER_TEXT;

  const left: BuiltImportFile["left"] = [];
  // Read together: the provider answers reads of one customer from one listing.
  const resources = await Promise.all(
    declarations.map(async (d): Promise<ImportResource | undefined> => {
      const checked = validateInputs({ ...d.args, uniquenessKey: uniquenessKeyOf(d, keys) });
      if (!checked.ok) {
        left.push({ resourceName: d.resourceName, reason: "its declaration does not pass the provider's checks (see its WARNING)" });
        return undefined;
      }
      const read = await customerCommitProvider.read(d.commitId, checked.inputs);
      if (read.id === undefined || read.props === undefined || read.inputs === undefined) {
        left.push({ resourceName: d.resourceName, reason: `commit ${d.commitId} is no longer live in Metronome` });
        return undefined;
      }
      return {
        type: CUSTOMER_COMMIT_TYPE,
        name: d.resourceName,
        id: d.commitId,
        inputs: { ...read.inputs, __provider: providerText },
        outputs: { ...read.props, __provider: providerText },
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
    replaceOnly: replaceOnlyFields(d.args),
  });
}

export class ImportFileError extends Error {
  override readonly name = "ImportFileError";
}
