import { describe, expect, it } from "vitest";
import { CreditTypesFileError, creditTypeTable, parseCreditTypes } from "../../../cli/review/credit-types";
import { creditTypeLabel, formatMoney, limitInUnits } from "../../../cli/review/money";
import { SECRET_VALUE, UNKNOWN_VALUE } from "../../../cli/review/values";
import { CLOUD_CREDITS_CREDIT_TYPE_ID as CLOUD, EUR_CENTS_CREDIT_TYPE_ID as EUR, SEED_CREDIT_TYPES } from "../../../emulator/credit-types";
import { USD_CENTS_CREDIT_TYPE_ID as USD } from "../../../provider/api/wire";
import { TABLE as table } from "./helpers";

const OTHER = "0b5e1f3a-9c2d-4e6f-8a7b-1c2d3e4f5a6b";

// `table` names the emulator's EUR and Cloud credits beside USD (helpers.ts).
describe("formatMoney", () => {
  it.each([
    [12_000_000, USD, "$120,000.00"],
    [1_000_050, USD, "$10,000.50"],
    [5, USD, "$0.05"],
    [0, USD, "$0.00"],
    [-2_500_000, USD, "-$25,000.00"],
    [150_000, EUR, "€1,500.00"],
    [1_500, CLOUD, "1,500 Cloud credits"],
    [1_500.25, CLOUD, "1,500.25 Cloud credits"],
    [1_500, OTHER, `1,500 units of credit type ${OTHER}`],
    [1_500, USD.toUpperCase(), "$15.00"],
  ])("%d of %s is %s", (amount, creditType, text) => {
    expect(formatMoney(amount, creditType, table)).toBe(text);
  });

  it("signs net changes", () => {
    expect(formatMoney(6_000_000, USD, table, { signed: true })).toBe("+$60,000.00");
    expect(formatMoney(-6_000_000, USD, table, { signed: true })).toBe("-$60,000.00");
    expect(formatMoney(0, USD, table, { signed: true })).toBe("$0.00");
  });

  it("describes what it cannot show instead of guessing", () => {
    expect(formatMoney(UNKNOWN_VALUE, USD, table)).toBe("unknown until apply");
    expect(formatMoney(SECRET_VALUE, USD, table)).toBe("[secret]");
    expect(formatMoney(100, UNKNOWN_VALUE, table)).toBe("100 units of a credit type unknown until apply");
    expect(creditTypeLabel(SECRET_VALUE, table)).toBe("secret credit type");
  });

  it("names credit types", () => {
    expect(creditTypeLabel(USD, table)).toBe("USD");
    expect(creditTypeLabel(CLOUD, table)).toBe("Cloud credits");
    expect(creditTypeLabel(OTHER, table)).toBe(`credit type ${OTHER}`);
  });

  it("converts a --max-change limit into credit-type units", () => {
    expect(limitInUnits(10_000.5, table.get(USD))).toBe(1_000_050);
    expect(limitInUnits(10_000, table.get(CLOUD))).toBe(10_000);
    expect(limitInUnits(10_000, undefined)).toBe(10_000);
  });
});

describe("the credit types known without a --credit-types file", () => {
  const known = creditTypeTable();

  it("is Metronome's USD (cents) only", () => {
    expect([...known.keys()]).toEqual([USD]);
    expect(formatMoney(12_000_000, USD, known)).toBe("$120,000.00");
  });

  it.each([
    ["EUR", EUR],
    ["Cloud credits", CLOUD],
  ])("does not name the emulator's own %s", (_name, id) => {
    expect(formatMoney(1_500, id, known)).toBe(`1,500 units of credit type ${id}`);
    expect(creditTypeLabel(id, known)).toBe(`credit type ${id}`);
  });
});

describe("--credit-types files", () => {
  it("names the emulator's credit types as its /v1/credit-types/list answers them", () => {
    const t = creditTypeTable(parseCreditTypes({ data: SEED_CREDIT_TYPES }));
    expect(formatMoney(150_000, EUR, t)).toBe("1,500.00 EUR");
    expect(formatMoney(1_500, CLOUD, t)).toBe("1,500 Cloud credits");
  });

  it("accepts a map of id to name, cents and symbol", () => {
    const extra = parseCreditTypes({ [OTHER.toUpperCase()]: { name: "GBP", cents: true, symbol: "£" }, abc: { name: "Tokens" } });
    const t = creditTypeTable(extra);
    expect(formatMoney(123_456, OTHER, t)).toBe("£1,234.56");
    expect(formatMoney(7, "abc", t)).toBe("7 Tokens");
    expect(formatMoney(100, USD, t)).toBe("$1.00");
  });

  it("accepts what Metronome's /v1/credit-types/list answers", () => {
    const t = creditTypeTable(
      parseCreditTypes({
        data: [
          { id: OTHER, name: "GBP (cents)", is_currency: true },
          { id: "abc", name: "Compute hours", is_currency: false },
        ],
        next_page: null,
      }),
    );
    expect(formatMoney(123_456, OTHER, t)).toBe("1,234.56 GBP");
    expect(formatMoney(3, "abc", t)).toBe("3 Compute hours");
  });

  it.each([[[]], [{ x: { cents: true } }], [{ x: { name: "X", cents: "yes" } }], [{ data: [{ id: 1 }] }]])("refuses %j", (doc) => {
    expect(() => parseCreditTypes(doc)).toThrow(CreditTypesFileError);
  });
});
