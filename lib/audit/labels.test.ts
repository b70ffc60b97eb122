import { expect, test } from "vitest";
import { beijingTime } from "./labels";

test.each([
  ["2026-12-31T16:30:00.000Z", "2027-01-01 00:30:00"],
  ["2026-03-02T01:02:03.456Z", "2026-03-02 09:02:03"],
])("%s is %s in Beijing", (iso, expected) => {
  expect(beijingTime(iso)).toBe(expected);
});
