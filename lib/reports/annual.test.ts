import { beforeEach, expect, test } from "vitest";
import { getDb } from "../../db";
import { reportNarratives, reportSnapshots } from "../../db/schema";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { type AppError, isAppError } from "../errors";
import { importRequestLedger } from "../ledger/requests";
import { freshDatabase, makeUser, TODAY } from "../testing/db";
import { diffReport, finalizeReport, getNarrative, latestSnapshot, saveNarrative } from "./annual";
import { computeReport } from "./engine";
import { reportJson } from "./json";

beforeEach(async () => {
  freshDatabase();
  createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
  const file = ["serial,received_date,applicant_type,applicant_name,content,outcome,concluded_date", "A1,2024-03-01,natural,甲,x,disclose,2024-03-10"].join("\n");
  await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: Buffer.from(file), filename: "x.csv", today: TODAY });
});

test("finalizing freezes tables, checks and the narrative with its numbers filled; later changes show as differences", async () => {
  const supervisor = await makeUser("s", "supervisor", "a");
  const clerk = await makeUser("c", "clerk", "a");
  saveNarrative(supervisor, "a", 2024, { ...getNarrative(supervisor, "a", 2024), other: "收费{{收费件数}}件。" });
  expect(() => finalizeReport(clerk, { agencyCode: "a", year: 2024, includeChildren: false })).toThrow(/无权定稿/);
  const snapshot = finalizeReport(supervisor, { agencyCode: "a", year: 2024, includeChildren: false });
  expect(snapshot.narrative.overview).toContain("共收到政府信息公开申请1件");
  expect(snapshot.narrative.other).toBe("收费0件。");
  expect(latestSnapshot(supervisor, "a", 2024, false)?.id).toBe(snapshot.id);

  const file = ["serial,received_date,applicant_type,applicant_name,content,outcome,concluded_date", "A2,2024-05-01,legal,乙,y,partial,2024-05-20"].join("\n");
  await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: Buffer.from(file), filename: "y.csv", today: TODAY });
  const live = reportJson(computeReport(supervisor, { agencyCode: "a", year: 2024 }));
  const diffs = diffReport(snapshot.report, live);
  expect(diffs).toContainEqual({ table: "applications", row: "partial", column: "legal", frozen: 0, now: 1 });
  expect(diffs).toContainEqual({ table: "applications", row: "new", column: "total", frozen: 1, now: 2 });

  // Documents come from the frozen report or the live one.
  const { exportReport } = await import("./export");
  const frozen = JSON.parse((await exportReport(supervisor, { agencyCode: "a", year: 2024, includeChildren: false, format: "json", source: "snapshot" })).body.toString("utf8"));
  const now = JSON.parse((await exportReport(supervisor, { agencyCode: "a", year: 2024, includeChildren: false, format: "json" })).body.toString("utf8"));
  expect(frozen.applications.rows.new[6]).toBe(1);
  expect(now.applications.rows.new[6]).toBe(2);
});

/* Issue 13, item 6: only the placeholders of the list; refused at save and at finalize. */

const narrativeRows = () => getDb().select().from(reportNarratives).all();

test.each([
  ["{{新收件数}}", "新收件数", "overview"],
  ["{{constructor}}", "constructor", "problems"],
  ["{{ __proto__ }}", "__proto__", "other"],
  ["{{toString}}", "toString", "overview"],
  ["{{新收 件数}}", "新收 件数", "other"],
  ["{{}}", "", "problems"],
] as const)("saving %s is refused, naming the placeholder and its section; nothing is written", async (placeholder, name, section) => {
  const supervisor = await makeUser("s", "supervisor", "a");
  const narrative = { ...getNarrative(supervisor, "a", 2024), [section]: `本年度共收到申请${placeholder}件。` };
  const before = narrativeRows();
  let error: unknown;
  try {
    saveNarrative(supervisor, "a", 2024, narrative);
  } catch (caught) {
    error = caught;
  }
  expect(isAppError(error) && error.code).toBe("INVALID");
  expect((error as AppError).message).toContain(`{{${name}}}`);
  expect((error as AppError).field).toBe(section);
  expect(narrativeRows()).toEqual(before);
});

test("known placeholders, spaced or not, are saved", async () => {
  const supervisor = await makeUser("s", "supervisor", "a");
  saveNarrative(supervisor, "a", 2024, { overview: "共{{新收}}件、{{ 办结 }}件", problems: "", other: "{{收费金额}}元" });
  expect(getNarrative(supervisor, "a", 2024)).toMatchObject({ overview: "共{{新收}}件、{{ 办结 }}件", saved: true });
});

test("finalizing refuses a stored text with an unknown placeholder (saved before the check, or written to the file)", async () => {
  const supervisor = await makeUser("s", "supervisor", "a");
  saveNarrative(supervisor, "a", 2024, getNarrative(supervisor, "a", 2024));
  getDb().update(reportNarratives).set({ other: "收费{{新收件数}}件，{{constructor}}" }).run();
  expect(() => finalizeReport(supervisor, { agencyCode: "a", year: 2024, includeChildren: false })).toThrow(/“六、其他需要报告的事项”中的占位符 \{\{新收件数\}\} 不存在/);
  expect(getDb().select().from(reportSnapshots).all()).toEqual([]);
});
