// The `CustomerCommit` class wired into a Pulumi program, with the SDK's
// mocks (no engine, no provider call): the type token, the inputs Pulumi
// registers (`__provider` plus every declared field), the outputs the class
// declares, the default uniqueness key, secrets, and the refusal of a token
// kept in plain stack config. The built package and the @pulumi/pulumi it
// loads are used through Node's require, so the resource class, the
// serializer and the mocks share one SDK instance.

import { createRequire } from "node:module";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalize, defaultUniquenessKey, replaceOnlyFields } from "../../../provider/core";
import { loadBuiltPackage } from "../../helpers/built-package";
import { REPO_ROOT } from "../../helpers/repo";

type Pkg = typeof import("../../../provider/index");
type Pulumi = typeof import("@pulumi/pulumi");
type Args = import("../../../provider/index").CustomerCommitArgs;

const rootRequire = createRequire(path.join(REPO_ROOT, "package.json"));
const pkg = loadBuiltPackage<Pkg>();
const pulumi = rootRequire("@pulumi/pulumi") as Pulumi;

const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const TOKEN = "sk_live_program_token_5c6d7e8f9a0b";
const PROJECT = "acme-billing";
const STACK = "prod";
const CUSTOMER = "11111111-1111-4111-8111-111111111111";
const PRODUCT = "22222222-2222-4222-8222-222222222222";
const CONTRACT = "33333333-3333-4333-8333-333333333333";
/** Pulumi's marker for a secret value inside registered inputs. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
}
let registered: Registered[] = [];

async function useMocks(preview = false): Promise<void> {
  registered = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        if (args.type !== TYPE) return { id: `${args.name}-id`, state: {} };
        // What the provider's check makes of a new resource: the declared key, else the candidate.
        const uniquenessKey = args.inputs.uniquenessKey ?? args.inputs.__defaultUniquenessKey;
        return { id: `commit-${args.name}`, state: { ...args.inputs, uniquenessKey, createdAt: "2026-11-20T12:00:00Z", revision: 0 } };
      },
      call: () => ({}),
    },
    PROJECT,
    STACK,
    preview,
  );
  pulumi.runtime.setAllConfig({}, []);
}

/** A PREPAID commit with only the required fields. */
function minimalArgs(extra: Partial<Args> = {}): Args {
  return {
    customerId: CUSTOMER,
    type: "PREPAID",
    productId: PRODUCT,
    priority: 100,
    accessSchedule: { scheduleItems: [{ amount: 1_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
    ...extra,
  };
}

/** Every field of CustomerCommitArgs set. */
function fullArgs(): Required<Args> {
  return {
    ...minimalArgs(),
    invoiceSchedule: { creditTypeId: "2714e483-4ff1-48e4-9e25-ac732e8f24f2", doNotInvoice: false, scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    invoiceContractId: CONTRACT,
    applicableContractIds: [CONTRACT],
    applicableProductIds: [PRODUCT],
    applicableProductTags: ["api"],
    specifiers: [{ productTags: ["api"] }],
    name: "Acme 2027 prepaid",
    description: "Signed 2026-11-02",
    customFields: { region: "eu" },
    netsuiteSalesOrderId: "SO-1",
    salesforceOpportunityId: "006-1",
    rateType: "LIST_RATE",
    uniquenessKey: "acme/2027/prepaid",
    onDelete: "archive",
    existingCommitId: "55555555-5555-4555-8555-555555555555",
  } as Required<Args>;
}

const value = <T>(o: import("@pulumi/pulumi").Output<T>): Promise<T | undefined> => (o as any).promise();
const isKnown = (o: import("@pulumi/pulumi").Output<unknown>): Promise<boolean> => (o as any).isKnown;
const isSecret = (o: import("@pulumi/pulumi").Output<unknown>): Promise<boolean> => (o as any).isSecret;

/** Registers a commit and waits until the mocks have seen it. */
async function register(name: string, args: Args, opts?: import("@pulumi/pulumi").CustomResourceOptions) {
  const resource = new pkg.CustomerCommit(name, args, opts);
  await value(resource.urn);
  const seen = registered.find((r) => r.name === name && r.type === TYPE);
  if (seen === undefined) throw new Error(`mocks never saw ${name}`);
  return { resource, inputs: seen.inputs, type: seen.type };
}

const expectedKey = (name: string, args: Args): string =>
  defaultUniquenessKey({ project: PROJECT, stack: STACK, name, replaceOnly: replaceOnlyFields(canonicalize(JSON.parse(JSON.stringify(args)))) });

const savedToken = process.env.METRONOME_BEARER_TOKEN;
beforeEach(async () => {
  process.env.METRONOME_BEARER_TOKEN = TOKEN;
  await useMocks();
});
afterEach(() => {
  if (savedToken === undefined) delete process.env.METRONOME_BEARER_TOKEN;
  else process.env.METRONOME_BEARER_TOKEN = savedToken;
});

describe("CustomerCommit in a program", () => {
  it("registers under the dynamic type token with __provider and every declared field", async () => {
    const args = fullArgs();
    const { type, inputs, resource } = await register("acme-2027-prepaid", args);
    expect(type).toBe(TYPE);
    expect(await value(resource.id)).toBe("commit-acme-2027-prepaid");

    expect(inputs.__provider).toBe('exports.handler = () => require("pulumi-metronome").customerCommitProvider;');
    expect(inputs.__provider).toBe(pkg.CUSTOMER_COMMIT_PROVIDER_TEXT);

    for (const [key, declared] of Object.entries(args)) expect(inputs[key], key).toEqual(declared);
    // A declared key goes as is, with no derived candidate; the name goes along for check's messages.
    expect(Object.keys(inputs).sort()).toEqual(["__provider", "__resourceName", ...Object.keys(args)].sort());
    expect(inputs.__resourceName).toBe("acme-2027-prepaid");
  });

  it("is a pulumi.dynamic.Resource (and a CustomResource)", async () => {
    const { resource } = await register("c", minimalArgs());
    expect(resource).toBeInstanceOf(pulumi.dynamic.Resource);
    expect(resource).toBeInstanceOf(pulumi.CustomResource);
    expect(resource).toBeInstanceOf(pkg.CustomerCommit);
    expect(pulumi.CustomResource.isInstance(resource)).toBe(true);
  });

  it("declares an output for every input and server field, set or not", async () => {
    const { resource } = await register("minimal", minimalArgs());
    const keys = [...Object.keys(fullArgs()), "createdAt", "archivedAt", "hierarchyConfiguration", "revision"];
    for (const key of keys) expect(pulumi.Output.isInstance((resource as any)[key]), key).toBe(true);
    expect(await value(resource.createdAt)).toBe("2026-11-20T12:00:00Z");
    expect(await value(resource.revision)).toBe(0);
    expect(await value(resource.customerId)).toBe(CUSTOMER);
    expect(await value(resource.name)).toBeUndefined();
  });

  it("registers only what is set (undefined seeds are dropped)", async () => {
    const { inputs } = await register("minimal", minimalArgs());
    expect(Object.keys(inputs).sort()).toEqual([
      "__defaultUniquenessKey",
      "__provider",
      "__resourceName",
      "accessSchedule",
      "customerId",
      "priority",
      "productId",
      "type",
    ]);
  });
});

describe("the default uniqueness key", () => {
  it("is derived from project, stack, name and the replace-only fields, as a candidate for check", async () => {
    const args = minimalArgs();
    const { inputs, resource } = await register("acme-2027-prepaid", args);
    // Not sent as the key: check keeps the key in state for an existing commit.
    expect(inputs.uniquenessKey).toBeUndefined();
    expect(inputs.__defaultUniquenessKey).toBe(expectedKey("acme-2027-prepaid", args));
    expect(inputs.__defaultUniquenessKey).toMatch(/^acme-billing\/prod\/acme-2027-prepaid#[0-9a-f]{16}$/);
    expect(await value(resource.uniquenessKey)).toBe(inputs.__defaultUniquenessKey);
  });

  it.each([
    ["type", { type: "POSTPAID" }, true],
    ["customerId", { customerId: "99999999-9999-4999-8999-999999999999" }, true],
    ["invoice schedule added", { invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1 }] } }, true],
    ["access credit type", { accessSchedule: { creditTypeId: "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13", scheduleItems: [] } }, true],
    ["type spelled in lower case", { type: "prepaid" }, false],
    ["amount", { accessSchedule: { scheduleItems: [{ amount: 5, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] } }, false],
    ["name and priority", { name: "Renamed", priority: 1 }, false],
    ["product", { productId: "99999999-9999-4999-8999-999999999999" }, false],
  ] as Array<[string, Partial<Args>, boolean]>)("a change of %s changes it: %s", async (_what, change, changes) => {
    const base = await register("c", minimalArgs());
    await useMocks();
    const other = await register("c", minimalArgs(change));
    expect(other.inputs.__defaultUniquenessKey !== base.inputs.__defaultUniquenessKey).toBe(changes);
    expect(other.inputs.__defaultUniquenessKey).toBe(expectedKey("c", minimalArgs(change)));
  });

  it("is stable across runs, differs per resource name, and stays within 128 characters", async () => {
    const first = await register("a", minimalArgs());
    await useMocks();
    const again = await register("a", minimalArgs());
    const other = await register("b", minimalArgs());
    const long = await register("x".repeat(300), minimalArgs());
    expect(again.inputs.__defaultUniquenessKey).toBe(first.inputs.__defaultUniquenessKey);
    expect(other.inputs.__defaultUniquenessKey).not.toBe(first.inputs.__defaultUniquenessKey);
    expect(long.inputs.__defaultUniquenessKey.length).toBeLessThanOrEqual(128);
    expect(long.inputs.__defaultUniquenessKey).toBe(expectedKey("x".repeat(300), minimalArgs()));
  });

  it("is the declared one when given", async () => {
    const { inputs } = await register("c", minimalArgs({ uniquenessKey: "my-own-key" }));
    expect(inputs.uniquenessKey).toBe("my-own-key");
    expect(inputs.__defaultUniquenessKey).toBeUndefined();
  });

  it("stays known in preview when a field that does not replace is not known yet", async () => {
    await useMocks(true);
    class Product extends pulumi.CustomResource {
      declare readonly productId: import("@pulumi/pulumi").Output<string>;
      constructor(name: string) {
        super("test:index:Product", name, { productId: undefined });
      }
    }
    const { productId } = new Product("p"); // being created: unknown in preview
    expect(await isKnown(productId)).toBe(false);
    const { resource } = await register("c", minimalArgs({ productId }));
    expect(await isKnown(resource.uniquenessKey)).toBe(true);
    expect(await value(resource.uniquenessKey)).toBe(expectedKey("c", minimalArgs()));
  });
});

describe("secrets and credentials", () => {
  it("keeps a secret input secret, and does not make the key secret because of it", async () => {
    const { inputs, resource } = await register("c", minimalArgs({ name: pulumi.secret("Project Falcon") }));
    expect(inputs.name).toMatchObject({ [SECRET_SIG]: expect.any(String), value: "Project Falcon" });
    expect(await isSecret(resource.name)).toBe(true);
    expect(await isSecret(resource.uniquenessKey)).toBe(false);
    expect(typeof inputs.__defaultUniquenessKey).toBe("string");
  });

  it("refuses a bearer token kept in plain stack config, saying to use --secret", async () => {
    pulumi.runtime.setAllConfig({ "metronome:bearerToken": TOKEN }, []);
    let error: unknown;
    try {
      new pkg.CustomerCommit("c", minimalArgs());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain("pulumi config set --secret metronome:bearerToken");
    expect(message).toContain("METRONOME_BEARER_TOKEN");
    expect(message).not.toContain(TOKEN);
    expect(registered).toEqual([]);
  });

  it("accepts the token when it is a secret, and captures it nowhere", async () => {
    pulumi.runtime.setAllConfig({ "metronome:bearerToken": TOKEN }, ["metronome:bearerToken"]);
    const { inputs } = await register("c", minimalArgs());
    expect(JSON.stringify(inputs)).not.toContain(TOKEN);
  });
});
