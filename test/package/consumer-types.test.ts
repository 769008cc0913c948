// A user's project type-checks against the packed package: the tarball
// unpacked into a consumer project (test/helpers/packed-package.ts), the
// `tsconfig.json` that `pulumi new typescript` writes (strict, CommonJS,
// classic node resolution, no `skipLibCheck`, so every declaration file the
// program reaches is checked too), and `tsc --noEmit`. The programs are the
// README's first example, verbatim, and one that touches the rest of the
// public surface, including the `pulumi-metronome/emulator` subpath. Both
// ends of the peer range are checked. The public declarations must not reach
// zod's types (their own checks fail under this tsconfig).

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsumerProject, PULUMI_ENDS, createConsumerProject } from "../helpers/packed-package";
import { REPO_ROOT } from "../helpers/repo";

// pulumi/templates, typescript templates' tsconfig.json, with the two
// programs as its files.
const PULUMI_NEW_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts", "surface.ts"],
};

/** The README's first TypeScript block: what a newcomer pastes. */
function readmeFirstExample(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error("README.md has no ```ts block");
  return block;
}

const SURFACE = `import * as pulumi from "@pulumi/pulumi";
import {
  CommitValidationError,
  CustomerCommit,
  type CustomerCommitArgs,
  type CustomerCommitInputs,
  MetronomeClient,
  customerCommitProvider,
  CUSTOMER_COMMIT_PROVIDER_TEXT,
} from "pulumi-metronome";
import { startEmulator } from "pulumi-metronome/emulator";

const args: CustomerCommitArgs = {
  customerId: pulumi.output("customer"),
  type: "POSTPAID",
  productId: "product",
  priority: 1,
  accessSchedule: { scheduleItems: [{ amount: 1, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
  invoiceSchedule: { scheduleItems: [{ timestamp: "2027-12-31T00:00:00Z", amount: 1 }] },
  onDelete: "forget",
};
const commit = new CustomerCommit("surface", args);
export const firstAmount: pulumi.Output<number | undefined> = commit.accessSchedule.apply((s) => s.scheduleItems[0]?.amount);
export const key: pulumi.Output<string> = commit.uniquenessKey;

export async function surface(inputs: CustomerCommitInputs): Promise<string> {
  const emulator = await startEmulator({ port: 0, bearerToken: "t" });
  const client = new MetronomeClient({ baseUrl: emulator.url, bearerToken: "t" });
  const checked = await customerCommitProvider.check({}, inputs);
  await client.close();
  await emulator.close();
  const error: CommitValidationError = new CommitValidationError([{ path: "priority", message: "expected a number" }]);
  return \`\${checked.failures?.length ?? 0} \${error.issues.length} \${CUSTOMER_COMMIT_PROVIDER_TEXT.length}\`;
}
`;

describe.each(PULUMI_ENDS)("a pulumi new typescript project with the %s @pulumi/pulumi", { timeout: 120_000 }, (end) => {
  let consumer: ConsumerProject;
  let result: { code: number; output: string };

  beforeAll(() => {
    consumer = createConsumerProject({ pulumi: end });
    fs.writeFileSync(path.join(consumer.dir, "tsconfig.json"), JSON.stringify(PULUMI_NEW_TSCONFIG, null, 4));
    fs.writeFileSync(path.join(consumer.dir, "index.ts"), readmeFirstExample());
    fs.writeFileSync(path.join(consumer.dir, "surface.ts"), SURFACE);
    const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
    try {
      const output = execFileSync(process.execPath, [tsc, "-p", consumer.dir, "--noEmit", "--listFiles", "--pretty", "false"], {
        cwd: consumer.dir,
        encoding: "utf8",
      });
      result = { code: 0, output };
    } catch (error) {
      const e = error as { status?: number; stdout?: string };
      result = { code: e.status ?? 1, output: e.stdout ?? String(error) };
    }
  }, 120_000);

  afterAll(() => consumer?.remove());

  it("type-checks the README's first example and the public surface with tsc --noEmit", () => {
    const errors = result.output.split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("checks the package's declarations from the tarball, and never reaches zod's", () => {
    const listed = result.output.split("\n").map((line) => line.trim()).filter((line) => line.endsWith(".ts"));
    expect(listed.some((f) => f.startsWith(path.join(consumer.packageDir, "dist", "provider")))).toBe(true);
    expect(listed.some((f) => f.startsWith(path.join(consumer.packageDir, "dist", "emulator")))).toBe(true);
    expect(listed.filter((f) => /[\\/]node_modules[\\/]zod[\\/]/.test(f))).toEqual([]);
  });
});
