/** Synthetic requests for the benchmark scripts, inserted in bulk (no audit rows: not a mutation path). */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { APPLICANT_TYPES, OUTCOMES } from "../lib/requests/codes";

const WORDS = ["规划", "拆迁", "补偿", "环评", "批复", "预算", "采购", "合同", "土地", "征收", "道路", "学校", "医院", "项目", "文件"];

export function insertSyntheticRequests(db: Database.Database, agencyId: string, count: number, options: { firstSeq: number; fromDay: string; days: number }) {
  const insert = db.prepare(
    `INSERT INTO requests (id, seq, agency_id, serial, status, channel, received_date, applicant_type, applicant_name, content, outcome, concluded_date, handler)
     VALUES (?, ?, ?, ?, ?, 'in_person', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.parse(`${options.fromDay}T00:00:00Z`);
  db.transaction(() => {
    for (let n = 0; n < count; n++) {
      const i = options.firstSeq + n;
      const received = new Date(start + (n % options.days) * 86_400_000).toISOString().slice(0, 10);
      const open = i % 50 === 0;
      const concluded = open ? null : new Date(Date.parse(`${received}T00:00:00Z`) + (i % 40) * 86_400_000).toISOString().slice(0, 10);
      insert.run(
        `${agencyId}-${i}`,
        i,
        agencyId,
        `${received.slice(0, 4)}-${String(i).padStart(7, "0")}`,
        open ? "in_progress" : "concluded",
        received,
        APPLICANT_TYPES[i % 6],
        `申请人${i % 9000}`,
        `申请公开${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]}相关信息第${i}号`,
        open ? null : OUTCOMES[i % OUTCOMES.length],
        concluded,
        `承办人${i % 40}`,
      );
    }
  })();
}

/** Points the app at a fresh database in a temporary folder, with throwaway secrets. Call before importing db/. */
export function pointAtTemporaryDatabase(): void {
  process.env.DATABASE_URL = path.join(mkdtempSync(path.join(os.tmpdir(), "gongkai-bench-")), "bench.db");
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
  process.env.GONGKAI_DATA_KEY ??= Buffer.alloc(32, 3).toString("base64");
}

/**
 * The report benchmark's database, in the database pointAtTemporaryDatabase chose: 500 000
 * requests in ten agencies under `county`; `target` received 50 000 in 2024 (and 50 000 over
 * 2016–2023), each other agency 50 000 over 2016–2025. Returns the target agency's id. `scale`
 * shrinks every count alike (the smoke test of the benchmark's output uses a tiny database).
 */
export async function buildReportDatabase(scale = 1): Promise<string> {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const { getSqlite } = await import("../db");
  const { createAgency } = await import("../lib/agencies/mutations");
  const { CLI_ACTOR } = await import("../lib/auth/actor");
  const db = getSqlite();
  createAgency(CLI_ACTOR, { code: "county", name: "县政府" });
  const target = createAgency(CLI_ACTOR, { code: "target", name: "目标机关", parentCode: "county" }).agency;
  insertSyntheticRequests(db, target.id, n(50_000), { firstSeq: 1, fromDay: "2024-01-01", days: 366 });
  insertSyntheticRequests(db, target.id, n(50_000), { firstSeq: 50_001, fromDay: "2016-01-01", days: 2900 });
  for (let a = 0; a < 8; a++) {
    const agency = createAgency(CLI_ACTOR, { code: `other${a}`, name: `其他机关${a}`, parentCode: "county" }).agency;
    insertSyntheticRequests(db, agency.id, n(50_000), { firstSeq: 100_001 + a * 50_000, fromDay: "2016-01-01", days: 3650 });
  }
  db.exec("ANALYZE");
  return target.id;
}
