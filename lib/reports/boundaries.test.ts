import { beforeEach, describe, expect, test } from "vitest";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { importRequestLedger } from "../ledger/requests";
import { freshDatabase, makeUser, TODAY } from "../testing/db";
import { computeReport } from "./engine";

/**
 * The year boundaries of domain.md A1 written out request by request, each in both years'
 * reports: `new` by receipt, outcome rows by conclusion, carried_in = received before 1 January
 * and not concluded before it, carried_out = received by 31 December and not concluded by it.
 */
const HEADER = "serial,received_date,applicant_type,applicant_name,content,outcome,concluded_date";

async function ledger(agencyCode: string, lines: string[]) {
  const result = await importRequestLedger(CLI_ACTOR, { agencyCode, bytes: Buffer.from([HEADER, ...lines].join("\n")), filename: "x.csv", today: TODAY });
  expect(result.errors).toEqual([]);
}

type Cells = { new: number; carried_in: number; disclose: number; total: number; carried_out: number };
function cells(year: number, agencyCode = "a"): Cells {
  const rows = computeReport(CLI_ACTOR, { agencyCode, year }).applications.rows;
  return { new: rows.new[6], carried_in: rows.carried_in[6], disclose: rows.disclose[6], total: rows.total[6], carried_out: rows.carried_out[6] };
}

describe("period boundaries (A1)", () => {
  beforeEach(() => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
  });

  test.each<[string, string, Cells, Cells]>([
    // received, concluded, what 2024 shows, what 2025 shows
    ["2024-06-03", "2025-01-01", { new: 1, carried_in: 0, disclose: 0, total: 0, carried_out: 1 }, { new: 0, carried_in: 1, disclose: 1, total: 1, carried_out: 0 }],
    ["2024-06-03", "2024-12-31", { new: 1, carried_in: 0, disclose: 1, total: 1, carried_out: 0 }, { new: 0, carried_in: 0, disclose: 0, total: 0, carried_out: 0 }],
    ["2024-12-31", "2025-01-01", { new: 1, carried_in: 0, disclose: 0, total: 0, carried_out: 1 }, { new: 0, carried_in: 1, disclose: 1, total: 1, carried_out: 0 }],
    ["2024-12-31", "2024-12-31", { new: 1, carried_in: 0, disclose: 1, total: 1, carried_out: 0 }, { new: 0, carried_in: 0, disclose: 0, total: 0, carried_out: 0 }],
    ["2025-01-01", "2025-01-01", { new: 0, carried_in: 0, disclose: 0, total: 0, carried_out: 0 }, { new: 1, carried_in: 0, disclose: 1, total: 1, carried_out: 0 }],
  ])("received %s, concluded %s", async (received, concluded, in2024, in2025) => {
    await ledger("a", [`X,${received},natural,甲,x,disclose,${concluded}`]);
    expect(cells(2024)).toEqual(in2024);
    expect(cells(2025)).toEqual(in2025);
  });

  test("a request concluded on 1 January and another on 31 December, side by side", async () => {
    await ledger("a", ["J,2024-11-04,natural,甲,x,disclose,2025-01-01", "D,2024-11-04,natural,乙,x,disclose,2024-12-31"]);
    expect(cells(2024)).toEqual({ new: 2, carried_in: 0, disclose: 1, total: 1, carried_out: 1 });
    expect(cells(2025)).toEqual({ new: 0, carried_in: 1, disclose: 1, total: 1, carried_out: 0 });
  });
});

describe("who reads which report", () => {
  beforeEach(() => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "county", name: "某县人民政府" });
    createAgency(CLI_ACTOR, { code: "edu", name: "某县教育局", parentCode: "county" });
    createAgency(CLI_ACTOR, { code: "health", name: "某县卫生健康委员会", parentCode: "county" });
  });

  test("another agency's user gets no report of an agency outside its scope", async () => {
    const healthClerk = await makeUser("hc", "clerk", "health");
    const eduSupervisor = await makeUser("es", "supervisor", "edu");
    expect(() => computeReport(healthClerk, { agencyCode: "edu", year: 2024 })).toThrow(/不存在或无权查看/);
    expect(() => computeReport(eduSupervisor, { agencyCode: "county", year: 2024 })).toThrow(/不存在或无权查看/);
    expect(computeReport(healthClerk, { agencyCode: "health", year: 2024 }).agency.code).toBe("health");
  });

  test("children=1 only for an actor who reads every agency below: a clerk gets no aggregate", async () => {
    await ledger("edu", ["E,2024-03-04,natural,甲,x,disclose,2024-03-20"]);
    const countyClerk = await makeUser("cc", "clerk", "county");
    const countySupervisor = await makeUser("cs", "supervisor", "county");
    expect(computeReport(countyClerk, { agencyCode: "county", year: 2024 }).applications.rows.new[6]).toBe(0);
    expect(() => computeReport(countyClerk, { agencyCode: "county", year: 2024, includeChildren: true })).toThrow(/无权查看下级机关的汇总数据/);
    expect(computeReport(countySupervisor, { agencyCode: "county", year: 2024, includeChildren: true }).applications.rows.new[6]).toBe(1);
    // A department's supervisor reads its own agency's tables, not the county's sum.
    const eduSupervisor = await makeUser("es", "supervisor", "edu");
    expect(computeReport(eduSupervisor, { agencyCode: "edu", year: 2024, includeChildren: true }).applications.rows.new[6]).toBe(1);
  });
});
