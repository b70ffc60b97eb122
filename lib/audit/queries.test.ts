import { beforeEach, describe, expect, test } from "vitest";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { createRequest } from "../requests/mutations";
import { freshDatabase, makeUser, requestInput, TODAY } from "../testing/db";
import { listAuditRows } from "./queries";
import { maskAddress, maskName } from "../pii/mask";

/** Issue 13 item 3: the same audit rows through the eyes of an admin and of an auditor. */

const NAME = "张三丰";
const ADDRESS = "河南省驻马店市确山县盘古路18号";
const TEXT = "申请公开二〇二五年某某征收补偿方案";
const PHONE = "13812345678";

describe("what each reader sees of the audit rows", () => {
  beforeEach(async () => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    const clerk = await makeUser("clerk1", "clerk", "a");
    createRequest(clerk, requestInput({ serial: "1", applicantName: NAME, address: ADDRESS, phone: PHONE, content: TEXT }), TODAY);
  });

  test("an admin sees system events in full, and only the object of a request's events", async () => {
    const admin = await makeUser("admin1", "admin", "a");
    const { rows } = listAuditRows(admin);
    const request = rows.find((r) => r.action === "request.create");
    expect(request).toMatchObject({ objectType: "request", actorName: "clerk1", changes: null, hidden: true });
    expect(request?.objectId).toEqual(expect.any(String));
    const shown = JSON.stringify(rows);
    for (const secret of [NAME, ADDRESS, TEXT, PHONE, "138****5678", maskName(NAME)]) expect(shown).not.toContain(secret);
    expect(rows.find((r) => r.action === "agency.create")).toMatchObject({ hidden: false, changes: expect.stringContaining("甲机关") });
    expect(rows.find((r) => r.action === "user.create" && r.changes?.includes("clerk1"))).toMatchObject({ hidden: false });
  });

  test("an auditor sees its agency's events with the applicant's personal data masked", async () => {
    const auditor = await makeUser("auditor1", "auditor", "a");
    const { rows } = listAuditRows(auditor);
    const request = rows.find((r) => r.action === "request.create");
    expect(request?.hidden).toBe(false);
    const after = (JSON.parse(request?.changes ?? "{}") as { after: Record<string, string> }).after;
    expect(after).toMatchObject({ applicantName: maskName(NAME), address: maskAddress(ADDRESS), phone: "138****5678", content: TEXT });
    const shown = JSON.stringify(rows);
    for (const secret of [NAME, ADDRESS, PHONE]) expect(shown).not.toContain(secret);
  });

  test("an auditor of another agency sees none of them", async () => {
    createAgency(CLI_ACTOR, { code: "b", name: "乙机关" });
    const auditor = await makeUser("auditor2", "auditor", "b");
    expect(listAuditRows(auditor).rows.some((r) => r.action === "request.create")).toBe(false);
  });
});
