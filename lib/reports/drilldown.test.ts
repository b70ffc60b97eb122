import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, expect, test } from "vitest";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { importRequestLedger } from "../ledger/requests";
import { listRequests } from "../requests/queries";
import { listFilterSchema } from "../requests/schemas";
import { freshDatabase, makeUser, TODAY } from "../testing/db";
import { applicationCellFilter } from "./drilldown";
import { computeReport } from "./engine";
import { APPLICATION_COLUMNS } from "./layout";

beforeEach(() => {
  freshDatabase();
});

test("every cell of table 三 lists exactly as many requests as it counts", async () => {
  createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
  createAgency(CLI_ACTOR, { code: "b", name: "乙机关", parentCode: "a" });
  const fixture = readFileSync(path.join(import.meta.dirname, "..", "..", "db", "seed-data", "queshan-2024", "requests.csv"));
  await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: fixture, filename: "requests.csv", today: TODAY });
  await importRequestLedger(CLI_ACTOR, { agencyCode: "b", bytes: fixture, filename: "requests.csv", today: TODAY });
  const supervisor = await makeUser("s", "supervisor", "a");
  for (const year of [2023, 2024, 2025]) {
    const report = computeReport(supervisor, { agencyCode: "a", year });
    let nonZero = 0;
    for (const [row, values] of Object.entries(report.applications.rows)) {
      values.forEach((value, c) => {
        const filter = listFilterSchema.parse(applicationCellFilter(row, APPLICATION_COLUMNS[c], report.period, "a"));
        expect(listRequests(supervisor, filter, TODAY).total, `${year} ${row} ${APPLICATION_COLUMNS[c]}`).toBe(value);
        if (value > 0) nonZero++;
      });
    }
    expect(nonZero).toBeGreaterThan(0);
  }
});

test("every cell of table 四 lists exactly as many cases as it counts", async () => {
  createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
  const dir = path.join(import.meta.dirname, "..", "..", "db", "seed-data", "queshan-2024");
  await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: readFileSync(path.join(dir, "requests.csv")), filename: "requests.csv", today: TODAY });
  const { importAppealFile } = await import("../appeals/files");
  const { listAppeals } = await import("../appeals/queries");
  await importAppealFile(CLI_ACTOR, { agencyCode: "a", bytes: readFileSync(path.join(dir, "appeals.csv")), filename: "appeals.csv" });
  const { appealCellFilter } = await import("./drilldown");
  const { APPEAL_COLUMNS } = await import("./layout");
  for (const year of [2023, 2024, 2025]) {
    const report = computeReport(CLI_ACTOR, { agencyCode: "a", year });
    for (const group of ["review", "suit_direct", "suit_after_review"] as const) {
      APPEAL_COLUMNS.forEach((column, i) => {
        expect(listAppeals(CLI_ACTOR, appealCellFilter(group, column, report.period, "a")).length, `${year} ${group} ${column}`).toBe(report.appeals[group][i]);
      });
    }
  }
});
