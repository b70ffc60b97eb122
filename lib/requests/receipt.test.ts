import { describe, expect, test } from "vitest";
import { deriveReceiptDate } from "./receipt";

describe("receipt date (Art 31, domain.md A3)", () => {
  test.each([
    ["in_person", "2024-03-04", undefined, "2024-03-04"],
    ["in_person", "2024-03-04", "2024-03-06", "2024-03-04"],
    ["mail", "2024-03-04", undefined, "2024-03-04"], // signed for
    ["mail", "2024-03-04", "2024-03-05", "2024-03-05"], // unsigned: the confirmation
    ["online", "2024-03-04", "2024-03-06", "2024-03-06"],
    ["email", undefined, "2024-03-06", "2024-03-06"],
    ["fax", "2024-03-04", "2024-03-05", "2024-03-05"],
    ["other", "2024-03-04", undefined, "2024-03-04"],
  ] as const)("%s arrived %s confirmed %s → %s", (channel, arrivedDate, confirmedDate, expected) => {
    expect(deriveReceiptDate({ channel, arrivedDate, confirmedDate }).date).toBe(expected);
  });

  test.each([
    ["online", "2024-03-04", undefined, "confirmedDate"],
    ["in_person", undefined, undefined, "arrivedDate"],
    ["mail", undefined, undefined, "arrivedDate"],
  ] as const)("%s without the date it needs names the missing field", (channel, arrivedDate, confirmedDate, missing) => {
    const result = deriveReceiptDate({ channel, arrivedDate, confirmedDate });
    expect(result.date).toBeNull();
    expect(result.missing).toBe(missing);
  });
});
