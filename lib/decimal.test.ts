import { describe, expect, test } from "vitest";
import { isZero, normalizeDecimal, sumDecimals, YUAN_AMOUNT } from "./decimal";

describe("decimals as strings", () => {
  test("normalised without losing a digit", () => {
    expect(normalizeDecimal("012.500")).toBe("12.5");
    expect(normalizeDecimal(0.1)).toBe("0.1");
    expect(normalizeDecimal("0")).toBe("0");
    expect(normalizeDecimal("-1")).toBeNull();
    expect(normalizeDecimal("1e3")).toBeNull();
    expect(normalizeDecimal(Number.NaN)).toBeNull();
  });

  test("summed exactly, whatever the number of decimals (0.1 + 0.2 is 0.3, and no digit past the eighth is dropped)", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["12.5", "7.50", "80"])).toBe("100");
    expect(sumDecimals(["0.000000001", "1"])).toBe("1.000000001");
    expect(sumDecimals(["99999999999999999999.99", "0.01"])).toBe("100000000000000000000");
    expect(sumDecimals([])).toBe("0");
    expect(() => sumDecimals(["abc"])).toThrow();
  });

  test("a fee amount has at most two decimals; zero is zero however written", () => {
    expect(YUAN_AMOUNT.test("12.50")).toBe(true);
    expect(YUAN_AMOUNT.test("12.505")).toBe(false);
    expect(isZero("0.00")).toBe(true);
    expect(isZero("0.01")).toBe(false);
  });
});
