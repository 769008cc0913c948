// Custom fields: the allow-list of keys per entity (addKey / listKeys) and
// the values on commits (entity `commit`) and credits (entity
// `contract_credit`, as the spec tags a credit's custom fields) through
// setValues / deleteValues. Metronome refuses a value whose key is not on
// the entity's allow-list; setValues overwrites the keys it names and keeps
// the others.

import { badRequest, notFound } from "../errors";
import { optionalBoolean, requireArray, requireEnum, requireObject, requireString, requireUuid, type Body } from "../rules/fields";
import { checkCustomFields, type ValueEntity } from "../rules/references";
import type { CommitRecord, CreditRecord, State } from "../model";
import type { Route } from "./types";

const ENTITIES = [
  "alert", "billable_metric", "charge", "commit", "contract_credit", "contract_product", "contract",
  "credit_grant", "customer_plan", "customer", "discount", "invoice", "plan", "professional_service",
  "product", "rate_card", "scheduled_charge", "subscription", "package_commit", "package_credit",
  "package_subscription", "package_scheduled_charge",
] as const;

/** Entity names are lower case on the wire; accept any case like the other enums. */
function requireEntity(value: unknown): string {
  return requireEnum(typeof value === "string" ? value.toUpperCase() : value, "entity", ENTITIES.map((e) => e.toUpperCase())).toLowerCase();
}

/** Where each entity whose values the emulator stores keeps its records. */
const VALUE_ENTITIES: Record<ValueEntity, { records: (state: State) => Record<string, CommitRecord | CreditRecord>; noun: string }> = {
  commit: { records: (state) => state.commits, noun: "commit" },
  contract_credit: { records: (state) => state.credits, noun: "credit" },
};

interface Target {
  entity: ValueEntity;
  record: CommitRecord | CreditRecord;
}

/**
 * The commit or credit a setValues / deleteValues names. Other entities are
 * refused plainly; an id that is not a record of the named entity (a credit
 * id under `commit`, a commit id under `contract_credit`) is not found.
 */
function requireValueTarget(state: State, body: Body): Target {
  const entity = requireEntity(body.entity);
  if (entity !== "commit" && entity !== "contract_credit") {
    throw badRequest(`entity ${entity}: the emulator stores custom field values for entities commit and contract_credit only`);
  }
  const { records, noun } = VALUE_ENTITIES[entity];
  const id = requireUuid(body.entity_id, "entity_id");
  const record = records(state)[id];
  if (!record) throw notFound(`entity_id ${id}: ${noun} not found`);
  if (record.archived_at) throw badRequest(`entity_id ${id}: archived ${noun}s cannot be edited`);
  return { entity, record };
}

const addKey: Route = {
  method: "POST",
  path: "/v1/customFields/addKey",
  handler: ({ body, store }) => {
    const entity = requireEntity(body.entity);
    const key = requireString(body.key, "key", { min: 1, max: 100 });
    const enforce = optionalBoolean(body.enforce_uniqueness, "enforce_uniqueness");
    if (enforce === undefined) throw badRequest("enforce_uniqueness is required and must be a boolean");
    const keys = store.state.customFieldKeys;
    // Adding a key that is already there is a no-op (see README).
    if (!keys.some((k) => k.entity === entity && k.key === key)) keys.push({ entity, key, enforce_uniqueness: enforce });
    return { body: {} };
  },
};

const listKeys: Route = {
  method: "POST",
  path: "/v1/customFields/listKeys",
  handler: ({ body, store }) => {
    const entities = body.entities == null ? undefined : requireArray(body.entities, "entities").map(requireEntity);
    const data = store.state.customFieldKeys.filter((k) => !entities || entities.includes(k.entity));
    return { body: { data, next_page: null } };
  },
};

const setValues: Route = {
  method: "POST",
  path: "/v1/customFields/setValues",
  handler: ({ body, store }) => {
    const { entity, record } = requireValueTarget(store.state, body);
    const raw = requireObject(body.custom_fields, "custom_fields");
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) values[k] = requireString(v, `custom_fields.${k}`);
    // All keys are checked before any is written: the call is all-or-nothing.
    checkCustomFields(store.state, entity, values, "custom_fields");
    Object.assign(record.custom_fields, values);
    return { body: {} };
  },
};

const deleteValues: Route = {
  method: "POST",
  path: "/v1/customFields/deleteValues",
  handler: ({ body, store }) => {
    const { record } = requireValueTarget(store.state, body);
    const keys = requireArray(body.keys, "keys").map((k, i) => requireString(k, `keys[${i}]`));
    for (const key of keys) delete record.custom_fields[key];
    return { body: {} };
  },
};

export const customFieldRoutes: Route[] = [addKey, listKeys, setValues, deleteValues];
