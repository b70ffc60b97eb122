/**
 * `npx tsx --conditions=react-server scripts/bench-register.ts [ROWS]`: builds a database of
 * ROWS requests (default 500 000) in one agency and times the register's list queries as the
 * page runs them (page + count), median of 15 runs each. A measurement, not a test.
 */
import { performance } from "node:perf_hooks";
import { pointAtTemporaryDatabase } from "./bench-data";

const rows = Number(process.argv[2] ?? 500_000);
pointAtTemporaryDatabase();

async function main() {
  const { getSqlite } = await import("../db");
  const { createAgency } = await import("../lib/agencies/mutations");
  const { CLI_ACTOR } = await import("../lib/auth/actor");
  const { listRequests } = await import("../lib/requests/queries");
  const { OUTCOMES, APPLICANT_TYPES } = await import("../lib/requests/codes");

  const agency = createAgency(CLI_ACTOR, { code: "bench", name: "基准测试机关" }).agency;
  const db = getSqlite();
  const words = ["规划", "拆迁", "补偿", "环评", "批复", "预算", "采购", "合同", "土地", "征收", "道路", "学校", "医院", "项目", "文件"];
  const t0 = performance.now();
  const insert = db.prepare(
    `INSERT INTO requests (id, seq, agency_id, serial, status, channel, received_date, applicant_type, applicant_name, content, outcome, concluded_date, handler)
     VALUES (?, ?, ?, ?, ?, 'in_person', ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i <= rows; i++) {
      const day = new Date(Date.UTC(2015, 0, 1) + (i % 4000) * 86_400_000).toISOString().slice(0, 10);
      const open = i % 50 === 0;
      const outcome = open ? null : OUTCOMES[i % OUTCOMES.length];
      const content = `申请公开${words[i % words.length]}${words[(i * 7) % words.length]}相关信息第${i}号`;
      insert.run(`id-${i}`, i, agency.id, `${day.slice(0, 4)}-${String(i).padStart(6, "0")}`, open ? "in_progress" : "concluded", day, APPLICANT_TYPES[i % 6], `申请人${i % 9000}`, content, outcome, open ? null : day, `承办人${i % 40}`);
    }
  })();
  console.log(`inserted ${rows} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // The open ones (2 %) get their stored due dates as a migrated database would.
  const t1 = performance.now();
  const { prepareDatabase } = await import("../lib/lifecycle");
  prepareDatabase();
  console.log(`due dates of open requests computed in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  db.exec("ANALYZE");

  const clerk = { id: null, username: "bench", role: "clerk" as const, agencyId: agency.id };
  const { todayInChina } = await import("../lib/time");
  const today = todayInChina();
  const cases: [string, object][] = [
    ["no filter, page 1", {}],
    ["no filter, page 200", { page: 200 }],
    ["status = in_progress", { status: "in_progress" }],
    ["outcome = withhold_process", { outcome: "withhold_process" }],
    ["applicant type + received range", { type: "commercial", from: "2020-01-01", to: "2020-12-31" }],
    ["concluded range", { cfrom: "2021-03-01", cto: "2021-03-31" }],
    ["handler", { handler: "承办人7" }],
    ["text, 3+ chars (trigram index)", { q: "第12345号" }],
    ["text, common 4 chars", { q: "规划拆迁" }],
    ["text, 2 chars (scan)", { q: "环评" }],
    ["sort by serial", { sort: "serial_asc" }],
    ["sort by due date", { sort: "due_asc" }],
    ["overdue", { due: "overdue" }],
    ["due within 5 working days", { due: "5" }],
    ["clock stopped", { due: "stopped" }],
  ];
  for (const [name, filter] of cases) {
    const times: number[] = [];
    let total = 0;
    for (let run = 0; run < 15; run++) {
      const start = performance.now();
      total = listRequests(clerk, filter, today).total;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(36)} median ${times[7].toFixed(1).padStart(7)} ms   max ${times[14].toFixed(1).padStart(7)} ms   (${total} rows match)`);
  }
}

main();
