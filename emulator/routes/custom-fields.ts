// Custom fields: the allow-list of keys per entity (addKey / listKeys) and
// the values on commits (setValues / deleteValues). Metronome refuses a
// value whose key is not on the entity's allow-list; setValues overwrites
// the keys it names and keeps the others.

import { badRequest, notFound } from "../errors";
import { optionalBoolean, requireArray, requireEnum, requireObject, requireString, requireUuid, type Body } from "../rules/fields";
import { checkCommitCustomFields } from "../rules/references";
import type { CommitRecord, State } from "../model";
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

/** Only commit values are stored by the emulator; other entities are refused plainly. */
function requireCommitEntity(state: State, body: Body): CommitRecord {
  const entity = requireEntity(body.entity);
  if (entity !== "commit") throw badRequest(`entity ${entity}: the emulator stores custom field values for entity commit only`);
  const id = requireUuid(body.entity_id, "entity_id");
  const commit = state.commits[id];
  if (!commit) throw notFound(`entity_id ${id}: commit not found`);
  if (commit.archived_at) throw badRequest(`entity_id ${id}: archived commits cannot be edited`);
  return commit;
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
    const commit = requireCommitEntity(store.state, body);
    const raw = requireObject(body.custom_fields, "custom_fields");
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) values[k] = requireString(v, `custom_fields.${k}`);
    // All keys are checked before any is written: the call is all-or-nothing.
    checkCommitCustomFields(store.state, values, "custom_fields");
    Object.assign(commit.custom_fields, values);
    return { body: {} };
  },
};

const deleteValues: Route = {
  method: "POST",
  path: "/v1/customFields/deleteValues",
  handler: ({ body, store }) => {
    const commit = requireCommitEntity(store.state, body);
    const keys = requireArray(body.keys, "keys").map((k, i) => requireString(k, `keys[${i}]`));
    for (const key of keys) delete commit.custom_fields[key];
    return { body: {} };
  },
};

export const customFieldRoutes: Route[] = [addKey, listKeys, setValues, deleteValues];
