import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { CLI_ACTOR } from "../auth/actor";
import { createAgency } from "../agencies/mutations";
import { createRequest } from "../requests/mutations";
import { getRequest, listRequests } from "../requests/queries";
import { freshDatabase, makeUser, requestInput, TODAY } from "../testing/db";
import { decryptPii, encryptPii, hashPii } from "./crypto";

const ID = "410102199001011234";
const PHONE = "13812345678";
const CREDIT = "91410000MA45TQ2J39";

describe("personal data at rest", () => {
  let file: string;
  beforeEach(() => {
    file = freshDatabase();
  });

  test("encryption round-trips with a fresh IV each time, and the hash is stable", () => {
    const a = encryptPii(ID);
    const b = encryptPii(ID);
    expect(a).not.toBe(b);
    expect(decryptPii(a)).toBe(ID);
    expect(hashPii("id_number", ID)).toBe(hashPii("id_number", ID.toLowerCase()));
    expect(hashPii("id_number", ID)).not.toBe(hashPii("phone", ID));
  });

  test("a tampered ciphertext is refused (GCM authentication)", () => {
    const sealed = encryptPii(PHONE);
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] ^= 1;
    expect(() => decryptPii(`v1:${raw.toString("base64")}`)).toThrow();
  });

  test("ID, phone and credit code never appear in clear in the database file", async () => {
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    const clerk = await makeUser("clerk1", "clerk", "a");
    const { id } = createRequest(clerk, requestInput({
      serial: "2026-0001",
      receivedDate: "2026-03-02",
      applicantType: "commercial",
      applicantName: "某某有限公司",
      idNumber: ID,
      phone: PHONE,
      creditCode: CREDIT,
      content: "申请公开某项目的批复文件",
    }), TODAY);
    getSqlite().pragma("wal_checkpoint(TRUNCATE)");
    const bytes = readFileSync(file);
    for (const secret of [ID, PHONE, CREDIT]) {
      expect(bytes.includes(Buffer.from(secret, "utf8")), secret).toBe(false);
    }
    // …while the application reads them back: never in lists, masked by default, in full with pii.view.
    expect(JSON.stringify(listRequests(clerk, {}, TODAY).rows)).not.toMatch(/13812345678|410102199001011234/);
    expect(getRequest(clerk, id, { revealPii: true })).toMatchObject({ idNumber: ID, phone: PHONE, creditCode: CREDIT, piiRevealed: true });
    expect(getRequest(clerk, id)).toMatchObject({ idNumber: "410***********1234", piiRevealed: false });
  });

  test("an auditor reads the request but never the personal data in full", async () => {
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    const clerk = await makeUser("clerk1", "clerk", "a");
    const auditor = await makeUser("aud", "auditor", "a");
    const { id } = createRequest(clerk, requestInput({
      serial: "1",
      receivedDate: "2026-03-02",
      applicantType: "natural",
      applicantName: "张三",
      phone: PHONE,
      content: "某事项",
    }), TODAY);
    expect(getRequest(auditor, id, { revealPii: true })).toMatchObject({ phone: "138****5678", piiRevealed: false });
  });
});
