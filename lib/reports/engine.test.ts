import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeEach, describe, expect, test } from "vitest";
import { createAgency } from "../agencies/mutations";
import { exportAppealFile, importAppealFile } from "../appeals/files";
import { CLI_ACTOR } from "../auth/actor";
import { importRequestLedger } from "../ledger/requests";
import { OUTCOMES } from "../requests/codes";
import { freshDatabase, TODAY } from "../testing/db";
import { hardChecksPass } from "./checks";
import { computeReport } from "./engine";
import { reportJson } from "./json";
import { setBaseline, setProactive } from "./mutations";
import { proactiveSchema } from "./proactive";

const FIXTURE = path.join(import.meta.dirname, "..", "..", "db", "seed-data", "queshan-2024");
const HEADER = "serial,received_date,applicant_type,applicant_name,content,outcome,concluded_date";
const APPEALS_HEADER = "case_number,request_serial,kind,after_review,filed_date,result,decided_date";

async function ledger(agencyCode: string, lines: string[]) {
  const result = await importRequestLedger(CLI_ACTOR, { agencyCode, bytes: Buffer.from([HEADER, ...lines].join("\n")), filename: "x.csv", today: TODAY });
  expect(result.errors).toEqual([]);
}

async function cases(agencyCode: string, lines: string[]) {
  const result = await importAppealFile(CLI_ACTOR, { agencyCode, bytes: Buffer.from([APPEALS_HEADER, ...lines].join("\n")), filename: "x.csv" });
  expect(result.errors).toEqual([]);
  return result;
}

const report = (year: number, agencyCode = "a", includeChildren = false) => computeReport(CLI_ACTOR, { agencyCode, year, includeChildren });
const cell = (year: number, row: string, agencyCode = "a") => report(year, agencyCode).applications.rows[row][6];

describe("the report engine", () => {
  beforeEach(() => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
  });

  test("the seed report reproduces in every cell from the project's copy of its ledger", async () => {
    createAgency(CLI_ACTOR, { code: "seed", name: "确山县人民政府" });
    await importRequestLedger(CLI_ACTOR, { agencyCode: "seed", bytes: readFileSync(path.join(FIXTURE, "requests.csv")), filename: "requests.csv", today: TODAY });
    await importAppealFile(CLI_ACTOR, { agencyCode: "seed", bytes: readFileSync(path.join(FIXTURE, "appeals.csv")), filename: "appeals.csv" });
    setProactive(CLI_ACTOR, "seed", 2024, proactiveSchema.parse(JSON.parse(readFileSync(path.join(FIXTURE, "proactive.json"), "utf8"))));
    const expected = JSON.parse(readFileSync(path.join(FIXTURE, "expected.json"), "utf8"));
    const actual = reportJson(report(2024, "seed"));
    expect(actual.year).toBe(expected.year);
    expect(actual.agency.name).toBe(expected.agency.name);
    expect(actual.applications).toEqual(expected.applications);
    expect(actual.appeals).toEqual(expected.appeals);
    expect(actual.proactive).toEqual(expected.proactive);
    expect(actual.fees).toEqual(expected.fees);
    expect(hardChecksPass(actual.checks)).toBe(true);
  });

  test("received 31 December, concluded 2 January: new and carried out in one year, carried in and concluded in the next", async () => {
    await ledger("a", ["X,2024-12-31,natural,甲,x,disclose,2025-01-02"]);
    expect([cell(2024, "new"), cell(2024, "carried_out"), cell(2024, "total")]).toEqual([1, 1, 0]);
    expect([cell(2025, "new"), cell(2025, "carried_in"), cell(2025, "disclose"), cell(2025, "carried_out")]).toEqual([0, 1, 1, 0]);
  });

  test("a request open across two year ends is carried out, then in, twice", async () => {
    await ledger("a", ["X,2023-11-01,commercial,甲,x,,"]);
    for (const year of [2023, 2024, 2025]) expect(report(year).applications.rows.carried_out[1]).toBe(1);
    expect(report(2024).applications.rows.carried_in[1]).toBe(1);
    expect(report(2023).applications.rows.carried_in[1]).toBe(0);
  });

  test("abandoned at the end of a 补正 period counts in the year it was recorded", async () => {
    await ledger("a", ["X,2024-12-10,natural,甲,x,other_no_supplement,2025-01-06"]);
    expect(cell(2024, "other_no_supplement")).toBe(0);
    expect(cell(2025, "other_no_supplement")).toBe(1);
  });

  test("a withdrawal counts as 其他 in its year", async () => {
    await ledger("a", ["X,2024-05-10,natural,甲,x,other_other,2024-05-12"]);
    expect(cell(2024, "other_other")).toBe(1);
  });

  test("an appeal pending at a year end counts as pending then, and under its result when decided", async () => {
    await ledger("a", ["R1,2023-05-10,natural,甲,x,disclose,2023-06-01", "R2,2022-11-10,natural,乙,x,disclose,2022-11-20"]);
    await cases("a", ["C1,R1,review,,2023-11-01,corrected,2024-02-01", "C0,R2,review,,2022-12-01,upheld,2023-03-01"]);
    expect(report(2023).appeals.review).toEqual([1, 0, 0, 1, 2]);
    expect(report(2024).appeals.review).toEqual([0, 1, 0, 0, 1]);
    // C0 was pending at the end of 2022 and decided in 2023: in both reports, not in 2024.
    expect(report(2022).appeals.review).toEqual([0, 0, 0, 1, 1]);
  });

  test("suits: after a reconsideration or direct; a request may have both a reconsideration and a suit", async () => {
    await ledger("a", ["R1,2024-01-10,natural,甲,x,withhold_law,2024-02-01"]);
    await cases("a", ["C1,R1,review,,2024-03-01,upheld,2024-04-01", "S1,R1,suit,true,2024-05-01,upheld,2024-06-01", "S2,R1,suit,false,2024-05-02,other,2024-07-01"]);
    const { appeals } = report(2024);
    expect(appeals.review).toEqual([1, 0, 0, 0, 1]);
    expect(appeals.suit_after_review).toEqual([1, 0, 0, 0, 1]);
    expect(appeals.suit_direct).toEqual([0, 0, 1, 0, 1]);
  });

  test("a re-imported case is updated, not duplicated; a recorded decision decides the column", async () => {
    await ledger("a", ["R1,2024-01-10,natural,甲,x,withhold_law,2024-02-01"]);
    await cases("a", ["C1,R1,review,,2024-03-01,pending,"]);
    const again = await importAppealFile(CLI_ACTOR, {
      agencyCode: "a",
      bytes: Buffer.from(["case_number,request_serial,kind,after_review,filed_date,result,decision,decided_date", "C1,R1,review,,2024-03-01,upheld,撤销,2024-05-01"].join("\n")),
      filename: "x.csv",
    });
    expect(again).toMatchObject({ ok: true, inserted: 0, updated: 1 });
    expect(report(2024).appeals.review).toEqual([0, 1, 0, 0, 1]);
  });

  test("fees: paid in the year, or without a payment date concluded in it (A5)", async () => {
    const result = await importRequestLedger(CLI_ACTOR, {
      agencyCode: "a",
      bytes: Buffer.from(
        [
          "serial,received_date,applicant_type,applicant_name,content,outcome,concluded_date,fee_yuan,fee_paid_date",
          "F1,2024-11-01,natural,甲,x,disclose,2024-12-20,100,2024-12-10",
          "F2,2024-12-01,natural,甲,x,disclose,2025-01-10,200.5,2025-01-02",
          "F3,2024-03-01,natural,甲,x,disclose,2024-03-20,50.25,",
        ].join("\n"),
      ),
      filename: "x.csv",
      today: TODAY,
    });
    expect(result.errors).toEqual([]);
    expect(report(2024).fees).toEqual({ applications: 2, amount_yuan: "150.25" });
    expect(report(2025).fees).toEqual({ applications: 1, amount_yuan: "200.5" });
  });

  test("any period: a quarter counts what was received and concluded in it", async () => {
    await ledger("a", ["Q1,2024-02-10,natural,甲,x,disclose,2024-04-02", "Q2,2024-04-10,natural,乙,x,partial,2024-05-01", "Q3,2024-07-01,natural,丙,x,,"]);
    const q2 = computeReport(CLI_ACTOR, { agencyCode: "a", year: 2024, period: { from: "2024-04-01", to: "2024-06-30" } });
    expect(q2.applications.rows.new[6]).toBe(1);
    expect(q2.applications.rows.carried_in[6]).toBe(1);
    expect(q2.applications.rows.total[6]).toBe(2);
    expect(q2.applications.rows.carried_out[6]).toBe(0);
    expect(hardChecksPass(q2.checks)).toBe(true);
  });

  test("appeals export and re-import into an empty database give the same table 四", async () => {
    await ledger("a", ["R1,2024-01-10,natural,甲,x,withhold_law,2024-02-01"]);
    await cases("a", ["C1,R1,review,,2024-03-01,upheld,2024-04-01", "S1,R1,suit,true,2024-05-01,pending,"]);
    const before = report(2024).appeals;
    const exported = await exportAppealFile(CLI_ACTOR, { agencyCode: "a", format: "csv" });
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    await ledger("a", ["R1,2024-01-10,natural,甲,x,withhold_law,2024-02-01"]);
    const again = await importAppealFile(CLI_ACTOR, { agencyCode: "a", bytes: exported, filename: "appeals.csv" });
    expect(again).toMatchObject({ ok: true, inserted: 2 });
    expect(report(2024).appeals).toEqual(before);
  });

  test("a parent and two children sum cell by cell", async () => {
    createAgency(CLI_ACTOR, { code: "c1", name: "子一", parentCode: "a" });
    createAgency(CLI_ACTOR, { code: "c2", name: "子二", parentCode: "a" });
    await ledger("a", ["A1,2024-02-01,natural,甲,x,disclose,2024-02-10"]);
    await ledger("c1", ["B1,2024-03-01,legal,乙,x,partial,2024-03-10", "B2,2023-12-01,natural,丙,x,,"]);
    await ledger("c2", ["C1,2024-04-01,social,丁,x,ignore_repeat,2024-04-10"]);
    const parts = ["a", "c1", "c2"].map((code) => report(2024, code));
    const whole = report(2024, "a", true);
    for (const row of Object.keys(whole.applications.rows)) {
      const sum = whole.applications.rows[row].map((_, c) => parts.reduce((s, p) => s + p.applications.rows[row][c], 0));
      expect(whole.applications.rows[row], row).toEqual(sum);
    }
    expect(whole.applications.rows.total[6]).toBe(3);
  });

  test("the carried-in check compares with a baseline of the year before the records begin", async () => {
    await ledger("a", ["X,2024-02-01,natural,甲,x,disclose,2024-02-10"]);
    const rows = Object.fromEntries(["new", "carried_in", ...OUTCOMES, "total", "carried_out"].map((r) => [r, [0, 0, 0, 0, 0, 0, 0]]));
    rows.carried_out = [2, 0, 0, 0, 0, 0, 2];
    setBaseline(CLI_ACTOR, "a", 2023, { applications: { rows } });
    const check = report(2024).checks.find((c) => c.id === "carried_in");
    expect(check).toMatchObject({ ok: false, severity: "warning" });
    expect(check?.message).toMatch(/上年已公布报告/);
  });

  test("the 现行有效 check warns when last year's figure, issued and abolished disagree", () => {
    setProactive(CLI_ACTOR, "a", 2023, proactiveSchema.parse({ normative_documents: { issued: 1, abolished: 0, in_force: 45 } }));
    setProactive(CLI_ACTOR, "a", 2024, proactiveSchema.parse({ normative_documents: { issued: 3, abolished: 0, in_force: 49 } }));
    expect(report(2024).checks.find((c) => c.id === "in_force_normative_documents")).toMatchObject({ ok: false });
    setProactive(CLI_ACTOR, "a", 2024, proactiveSchema.parse({ normative_documents: { issued: 3, abolished: 0, in_force: 48 } }));
    expect(report(2024).checks.find((c) => c.id === "in_force_normative_documents")).toMatchObject({ ok: true });
  });

  test("property: for random ledgers over several years every hard check holds and carried_in(Y) = carried_out(Y−1)", async () => {
    const types = ["natural", "commercial", "research", "social", "legal", "other"] as const;
    const day = (offset: number) => new Date(Date.UTC(2021, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    const requestArb = fc.record({
      received: fc.integer({ min: 0, max: 365 * 4 }),
      type: fc.constantFrom(...types),
      outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: null }),
      took: fc.integer({ min: 0, max: 400 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(requestArb, { minLength: 1, maxLength: 40 }), async (items) => {
        const code = `p${run++}`;
        createAgency(CLI_ACTOR, { code, name: code });
        const lines = items.map((r, i) => {
          const concluded = r.outcome ? day(Math.min(r.received + r.took, 365 * 5 - 60)) : "";
          return `S${i},${day(r.received)},${r.type},甲,x,${r.outcome ?? ""},${concluded && concluded >= day(r.received) ? concluded : r.outcome ? day(r.received) : ""}`;
        });
        const result = await importRequestLedger(CLI_ACTOR, { agencyCode: code, bytes: Buffer.from([HEADER, ...lines].join("\n")), filename: "p.csv", today: TODAY });
        expect(result.errors).toEqual([]);
        let previous: number[] | null = null;
        for (const year of [2021, 2022, 2023, 2024, 2025]) {
          const r = computeReport(CLI_ACTOR, { agencyCode: code, year });
          expect(hardChecksPass(r.checks), JSON.stringify(r.checks)).toBe(true);
          if (previous) expect(r.applications.rows.carried_in).toEqual(previous);
          previous = r.applications.rows.carried_out;
        }
      }),
      { numRuns: 25 },
    );
  });
});
