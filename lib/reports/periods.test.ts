import { expect, test } from "vitest";
import { periodOf } from "./periods";

test.each([
  [2024, undefined, "2024-01-01", "2024-12-31"],
  [2024, "Q1", "2024-01-01", "2024-03-31"],
  [2024, "Q4", "2024-10-01", "2024-12-31"],
  [2024, "M02", "2024-02-01", "2024-02-29"],
  [2025, "M02", "2025-02-01", "2025-02-28"],
  [2024, "bogus", "2024-01-01", "2024-12-31"],
])("%s %s → %s … %s", (year, code, from, to) => {
  expect(periodOf(year, code).period).toEqual({ from, to });
});
