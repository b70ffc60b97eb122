import { describe, expect, test } from "vitest";
import { idNumberProblem, isValidCreditCode, isValidPhone, isValidResidentId } from "./identity";

describe("居民身份证 check digit (GB 11643)", () => {
  test.each([
    ["11010519491231002X", true], // the standard's own example
    ["11010519491231002x", true],
    ["440524188001010014", true], // the standard's second example
    ["410102199001011234", true],
    ["110105194912310021", false], // wrong check digit
    ["410102199002301234", false], // 30 February
    ["41010219900101123", false], // 17 digits
    ["4101021990010112345", false],
  ])("%s → %s", (id, valid) => {
    expect(isValidResidentId(id)).toBe(valid);
  });

  test.each([
    ["E12345678", null], // a passport is another document
    ["123456789012345", null], // a 15-digit first-generation card
    ["12345678901234567", "居民身份证号码应为 18 位"],
    ["110105194912310021", "居民身份证号码校验位不正确或出生日期无效"],
  ])("证件号码 %s → %s", (value, problem) => {
    expect(idNumberProblem(value)).toBe(problem);
  });
});

describe("统一社会信用代码 check digit (GB 32100)", () => {
  test.each([
    ["91350100M000100Y43", true], // the standard's example
    ["91110000802100433B", true],
    ["91410000MA45TQ2J39", true],
    ["91350100M000100Y44", false],
    ["91350100M000100Y4", false],
    ["91350100M000100YI3", false], // I is not in the alphabet
  ])("%s → %s", (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });
});

describe("phone numbers", () => {
  test.each([
    ["13812345678", true],
    ["138 1234 5678", true],
    ["+86 13812345678", true],
    ["0396-1234567", true],
    ["03961234567", true],
    ["010-12345678-801", true],
    ["400-123-4567", true],
    ["12345678901", false],
    ["12345", false],
    ["138123456789", false],
  ])("%s → %s", (phone, valid) => {
    expect(isValidPhone(phone)).toBe(valid);
  });
});
