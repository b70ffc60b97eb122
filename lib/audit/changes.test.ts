import { describe, expect, test } from "vitest";
import { changeSet } from "./changes";

describe("audit change sets", () => {
  test("personal data is masked and ciphertexts, hashes and passwords never appear", () => {
    const set = changeSet(null, {
      applicantName: "张三",
      idNumber: "410102199001011234",
      phone: "13812345678",
      idNumberEnc: "v1:abc",
      phoneHash: "deadbeef",
      passwordHash: "scrypt$...",
    });
    expect(set.after).toEqual({ applicantName: "张三", idNumber: "410***********1234", phone: "138****5678" });
    expect(JSON.stringify(set)).not.toContain("13812345678");
  });

  test("an update records only the fields that changed", () => {
    const set = changeSet({ name: "甲", code: "a", phone: "13812345678" }, { name: "乙", code: "a", phone: "13912345678" });
    expect(set).toEqual({ before: { name: "甲", phone: "138****5678" }, after: { name: "乙", phone: "139****5678" } });
  });
});
