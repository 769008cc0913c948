// Parsing of the schedule items a commit is made of, shared by create and
// edit so both apply the same per-item rules (timestamps on whole UTC hours,
// starting_at before ending_before, amount or unit_price + quantity).

import { randomUUID } from "node:crypto";
import { badRequest } from "../errors";
import { requireTimestamp } from "../time";
import { isPresent, requireNumber, requireObject } from "./fields";
import type { AccessItem, InvoiceItem } from "../model";

export function checkRange(startingAt: string, endingBefore: string, field: string): void {
  if (Date.parse(startingAt) >= Date.parse(endingBefore)) {
    throw badRequest(`${field}: starting_at (${startingAt}) must be before ending_before (${endingBefore})`);
  }
}

export function parseAccessItem(raw: unknown, field: string): AccessItem {
  const item = requireObject(raw, field);
  const amount = requireNumber(item.amount, `${field}.amount`, { min: 0 });
  const starting_at = requireTimestamp(item.starting_at, `${field}.starting_at`);
  const ending_before = requireTimestamp(item.ending_before, `${field}.ending_before`);
  checkRange(starting_at, ending_before, field);
  return { id: randomUUID(), amount, starting_at, ending_before };
}

export interface Money {
  amount: number;
  quantity: number;
  unit_price: number;
}

/**
 * An invoice amount is given either as `amount` (read back as unit_price =
 * amount, quantity = 1) or as both `unit_price` and `quantity`; mixing the
 * two forms or giving half of the second is refused.
 */
export function parseMoney(item: Record<string, unknown>, field: string): Money {
  const hasAmount = isPresent(item.amount);
  const hasUnit = isPresent(item.unit_price);
  const hasQty = isPresent(item.quantity);
  if (hasAmount && (hasUnit || hasQty)) {
    throw badRequest(`${field}: give either amount or unit_price and quantity, not both`);
  }
  if (hasAmount) {
    const amount = requireNumber(item.amount, `${field}.amount`, { min: 0 });
    return { amount, quantity: 1, unit_price: amount };
  }
  if (hasUnit && hasQty) {
    const unit_price = requireNumber(item.unit_price, `${field}.unit_price`, { min: 0 });
    const quantity = requireNumber(item.quantity, `${field}.quantity`, { min: 0 });
    return { amount: unit_price * quantity, quantity, unit_price };
  }
  throw badRequest(`${field}: amount, or both unit_price and quantity, is required`);
}

export function parseInvoiceItem(raw: unknown, field: string): InvoiceItem {
  const item = requireObject(raw, field);
  const timestamp = requireTimestamp(item.timestamp, `${field}.timestamp`);
  return { id: randomUUID(), timestamp, ...parseMoney(item, field), invoice_id: null };
}
