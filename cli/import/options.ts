// Command-line options of `pulumi-metronome import`. Parsing only: no I/O
// except reading the customers file, which the caller passes in as a function
// so tests need no real file system.

import { ON_DELETE, type OnDelete } from "../../provider/core";
import { KIND_NOUNS, listed } from "./kinds";

export const USAGE = `usage: pulumi-metronome import --customer <id> [--customer <id> ...] [options]

Lists the live commits and credits of each customer in Metronome and writes a
TypeScript module declaring each commit as a CustomerCommit with
\`existingCommitId\` and each credit as a CustomerCredit with \`existingCreditId\`,
so that the next \`pulumi up\` adopts them (nothing is created or changed in
Metronome).

options:
  --customer <id>          a Metronome customer id (repeatable)
  --customers-file <path>  customer ids, one per line (blank lines and # comments ignored)
  --kind <kind>            declare only this kind: commit or credit (repeatable, or
                           comma-separated; default: both)
  --out <file.ts>          write the module here instead of standard output
  --force                  overwrite --out when it already exists
  --on-delete <policy>     declare onDelete on every declaration: archive (the
                           default, not written), endAccess or forget
  --import-file <file>     also write a Pulumi import file for the same commits and
                           credits, for \`pulumi import --file <file> --generate-code=false\`
                           (Pulumi >= 3.254); it holds each one's state as the
                           provider reads it, so the import writes nothing to Metronome
  --stack <name>           skip commits and credits this Pulumi stack already manages
                           (read with \`pulumi stack export\`, run in the current
                           directory); also the stack whose derived uniqueness keys
                           --import-file writes
  --state <file>           like --stack, from a file written by \`pulumi stack export\`
  --project <name>         the Pulumi project, for derived uniqueness keys in
                           --import-file (default: \`name\` in ./Pulumi.yaml)
  -h, --help               show this help

Metronome credentials come from METRONOME_BEARER_TOKEN and METRONOME_BASE_URL
(default https://api.metronome.com), the variables Metronome's SDKs read.

There is no --all-customers: the customer list endpoint is not one this
package uses (or its emulator serves). Put the ids in a file and pass
--customers-file.
`;

export interface ImportOptions {
  /** Customer ids in the order given, without duplicates. */
  customers: string[];
  /** The kinds to declare, by noun ("commit", "credit"), in the module's order. */
  kinds: string[];
  out?: string;
  force: boolean;
  onDelete: OnDelete;
  /** Where to write the Pulumi import file, if at all. */
  importFile?: string;
  /** The stack whose state lists commits and credits to skip (`pulumi stack export`). */
  stack?: string;
  /** A `pulumi stack export` file listing commits and credits to skip. */
  state?: string;
  project?: string;
}

export type ParseResult = { kind: "help" } | { kind: "options"; options: ImportOptions } | { kind: "error"; message: string };

/** Parses argv (after `import`). `readFile` is used for --customers-file. */
export function parseOptions(argv: readonly string[], readFile: (path: string) => string): ParseResult {
  const customers: string[] = [];
  let out: string | undefined;
  let force = false;
  let onDelete: OnDelete = "archive";
  const kinds = new Set<string>();
  const paths: Partial<Record<"importFile" | "stack" | "state" | "project", string>> = {};

  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    // --name=value and --name value are both accepted.
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) return undefined;
      i++;
      return next;
    };

    switch (flag) {
      case "-h":
      case "--help":
        return { kind: "help" };
      case "--customer": {
        const id = value();
        if (id === undefined || id.trim() === "") return { kind: "error", message: "--customer needs a customer id" };
        customers.push(id.trim());
        break;
      }
      case "--customers-file": {
        const file = value();
        if (file === undefined) return { kind: "error", message: "--customers-file needs a path" };
        let text: string;
        try {
          text = readFile(file);
        } catch (error) {
          return { kind: "error", message: `cannot read --customers-file ${file}: ${(error as Error).message}` };
        }
        customers.push(...customerIdsFromText(text));
        break;
      }
      case "--kind": {
        const given = value();
        // Any case, singular or plural: `credit`, `Credits`, `commit,credit`.
        const nouns = (given ?? "").split(",").map((k) => k.trim().toLowerCase().replace(/s$/, ""));
        const unknown = nouns.find((k) => !KIND_NOUNS.includes(k));
        if (given === undefined || unknown !== undefined) {
          return { kind: "error", message: `--kind must be ${listed(KIND_NOUNS, "or")}${given === undefined ? "" : ` (got ${JSON.stringify(given)})`}` };
        }
        for (const k of nouns) kinds.add(k);
        break;
      }
      case "--out": {
        const file = value();
        if (file === undefined || file === "") return { kind: "error", message: "--out needs a file path" };
        out = file;
        break;
      }
      case "--force":
        force = true;
        break;
      case "--import-file":
      case "--stack":
      case "--state":
      case "--project": {
        const given = value();
        if (given === undefined || given.trim() === "") return { kind: "error", message: `${flag} needs ${flag === "--stack" || flag === "--project" ? "a name" : "a file path"}` };
        paths[OPTION_KEYS[flag]] = given.trim();
        break;
      }
      case "--on-delete": {
        const policy = value();
        const found = ON_DELETE.find((p) => p.toLowerCase() === policy?.toLowerCase());
        if (found === undefined) {
          return { kind: "error", message: `--on-delete must be one of ${ON_DELETE.join(", ")}` };
        }
        onDelete = found;
        break;
      }
      case "--all-customers":
        return {
          kind: "error",
          message:
            "--all-customers is not supported: listing customers needs an endpoint this package does not use " +
            "(and its emulator does not serve). Write the customer ids to a file, one per line, and pass --customers-file.",
        };
      default:
        return { kind: "error", message: `unknown option ${raw}` };
    }
  }

  const unique = [...new Set(customers)];
  if (unique.length === 0) return { kind: "error", message: "give at least one --customer <id> (or --customers-file)" };
  if (paths.stack !== undefined && paths.state !== undefined) return { kind: "error", message: "give --stack or --state, not both" };
  // The module's order, whatever order --kind was given in; every kind when none was.
  const chosen = KIND_NOUNS.filter((k) => kinds.size === 0 || kinds.has(k));
  return { kind: "options", options: { customers: unique, kinds: chosen, ...(out === undefined ? {} : { out }), force, onDelete, ...paths } };
}

const OPTION_KEYS = { "--import-file": "importFile", "--stack": "stack", "--state": "state", "--project": "project" } as const;

/** One id per line; blank lines and `#` comments (whole-line or trailing) are ignored. */
export function customerIdsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line !== "");
}
