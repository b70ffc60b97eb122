import { describe, expect, test } from "vitest";
import { maskAddress, maskCreditCode, maskEmail, maskIdNumber, maskName, maskPhone } from "./mask";

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

describe("names, addresses and e-mail addresses (the audit page of an auditor)", () => {
  test.each([
    [maskName, "张三丰", "张**"],
    [maskName, "李四", "李*"],
    [maskName, "", ""],
    [maskAddress, "河南省驻马店市确山县盘古路18号", "河南省驻马店****"],
    [maskAddress, "某地", "某****"],
    [maskEmail, "zhangsan@example.cn", "z***@example.cn"],
  ])("%o(%s) is %s", (mask, value, expected) => {
    expect(mask(value)).toBe(expected);
  });
});
