import { describe, expect, test } from "vitest";
import { maskCreditCode, maskIdNumber, maskPhone } from "./mask";

describe("masking", () => {
  test.each([
    ["410102199001011234", "410***********1234"],
    ["41010219900101123X", "410***********123X"],
    ["", ""],
    ["1234567", "*******"],
  ])("ID number %s → %s", (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });

  test.each([
    ["13812345678", "138****5678"],
    ["0396-1234567", "039*****4567"],
    ["", ""],
  ])("phone %s → %s", (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  test("credit code keeps four characters at each end", () => {
    expect(maskCreditCode("91410000MA12345678")).toBe("9141**********5678");
  });

  test("null and undefined mask to empty", () => {
    expect(maskIdNumber(null)).toBe("");
    expect(maskPhone(undefined)).toBe("");
  });
});
