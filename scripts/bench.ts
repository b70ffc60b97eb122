/**
 * `npm run bench -- [--quick] [--json]` (interfaces.md, Benchmark): builds its own database
 * (500 000 requests in ten agencies, one agency-year of 50 000), starts the real production
 * server on it (run `npm run build` first), and measures:
 *   report_ratio        the annual report of that agency-year / the raw SQL floor (same counts, plain SQL)
 *   list_rps, list_p95_ms  the register through HTTP, signed in, 8 clients for 20 s (after 10 s of the same load, not counted), a mix of filters
 *   create_per_s        registrations through the real HTTP path (the form's Server Action)
 *   import_rows_per_s   a 100 000-row ledger through `cli import requests`, end to end
 *   import_block_p95_ms p95 of other HTTP requests while that import runs
 *   rss_mb              the server's peak resident memory over the run
 * A readable table goes to standard error; with --json the last line of standard output is the
 * JSON object. `--quick` repeats less, never on smaller data. A measurement, not a test.
 *
 * `--smoke` is not a measurement: the same run on a tiny database (1/500 of the data, seconds
 * instead of tens of seconds), so a test can check the output's shape after a build
 * (e2e/bench.spec.ts). Its figures mean nothing.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildReportDatabase, pointAtTemporaryDatabase } from "./bench-data";
import { syntheticLedgerCsv } from "./bench-ledger";

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const JSON_OUT = args.has("--json");
const SMOKE = args.has("--smoke");
/** The data's size (1 = the benchmark's) and the measuring windows' length, in seconds. */
const SCALE = SMOKE ? 1 / 500 : 1;
const IMPORT_ROWS = SMOKE ? 2_000 : 100_000;
const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "Bench-passw0rd-ok";
const CLIENTS = 8;
const LIST_SECONDS = SMOKE ? 2 : 20;
const WARM_SECONDS = SMOKE ? 1 : 10;

const say = (line: string) => process.stderr.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => (xs.length === 0 ? 0 : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the database in process (bulk, as a migration would load it) and measures the report against its SQL floor. */
async function buildAndMeasureReport(): Promise<{ reportRatio: number; reportMs: number; floorMs: number; agencyCode: string }> {
  const { getSqlite, closeDb } = await import("../db");
  const { createAgency } = await import("../lib/agencies/mutations");
  const { CLI_ACTOR } = await import("../lib/auth/actor");
  const { createUser } = await import("../lib/users/mutations");
  const { prepareDatabase } = await import("../lib/lifecycle");
  const { computeReport } = await import("../lib/reports/engine");
  const t0 = performance.now();
  const targetId = await buildReportDatabase(SCALE);
  createAgency(CLI_ACTOR, { code: "imports", name: "导入机关", parentCode: "county" });
  await createUser(CLI_ACTOR, { username: "benchclerk", displayName: "基准", role: "clerk", agencyCode: "target", password: PASSWORD, mustChange: false });
  prepareDatabase();
  const db = getSqlite();
  say(`built ${Math.round(500_000 * SCALE)} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The floor (each query on its covering index): the same counts of the agency-year (received by type and outcome, and the carried
  // over) by the fastest plain SQL over the same file.
  const floorQueries = [
    // received in the year, by applicant type (table 三's 新收)
    db.prepare(`SELECT applicant_type, count(*) FROM requests INDEXED BY requests_live_received_idx WHERE agency_id = ? AND voided_at IS NULL AND received_date >= '2024-01-01' AND received_date < '2025-01-01' GROUP BY 1`),
    // carried over: received earlier and open on 1 January (上年结转)
    db.prepare(`SELECT applicant_type, count(*) FROM requests INDEXED BY requests_live_concluded_idx WHERE agency_id = ? AND voided_at IS NULL AND received_date < '2024-01-01' AND (concluded_date IS NULL OR concluded_date >= '2024-01-01') GROUP BY 1`),
    // concluded in the year, by outcome and type (table 三's 办理结果)
    db.prepare(`SELECT outcome, applicant_type, count(*) FROM requests INDEXED BY requests_live_concluded_idx WHERE agency_id = ? AND voided_at IS NULL AND concluded_date >= '2024-01-01' AND concluded_date < '2025-01-01' GROUP BY 1, 2`),
  ];
  const runs = SMOKE ? 2 : QUICK ? 7 : 15;
  const report: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    computeReport(CLI_ACTOR, { agencyCode: "target", year: 2024 });
    report.push(performance.now() - start);
    start = performance.now();
    for (const q of floorQueries) q.all(targetId);
    floor.push(performance.now() - start);
  }
  closeDb();
  const reportMs = median(report);
  const floorMs = median(floor);
  return { reportRatio: reportMs / floorMs, reportMs, floorMs, agencyCode: "target" };
}

/** The server's process tree: its peak resident memory (VmHWM), summed over the processes. */
function peakRssMb(pid: number): number {
  const tree = (p: number): number[] => {
    try {
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
      return [p, ...children.flatMap(tree)];
    } catch {
      return [p];
    }
  };
  let kb = 0;
  for (const p of tree(pid)) {
    try {
      kb += Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

/** The server as `npm start` runs it (package.json's command, its heap cap included), without npm's own process in the tree measured. */
function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const server = spawn("sh", ["-c", `exec ${scripts.start} -p ${PORT}`], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.resume();
  server.stderr?.resume();
  return server;
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      // not yet
    }
    await sleep(500);
  }
  throw new Error("the server did not start");
}

/** Signs in through Auth.js's credentials endpoint; the cookies of the session. */
async function signIn(): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair.split("=");
      cookies.set(name, value.join("="));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: header(), Origin: BASE },
    body: new URLSearchParams({ username: "benchclerk", password: PASSWORD, csrfToken, callbackUrl: `${BASE}/requests` }),
  });
  keep(res);
  const page = await fetch(`${BASE}/requests`, { headers: { Cookie: header() }, redirect: "manual" });
  if (page.status !== 200) throw new Error(`sign-in failed: /requests answered ${page.status}`);
  return header();
}

/** `clients` loops for `seconds`, each request timed; the ones answered other than 200 are counted apart. */
async function load(cookie: string, urls: string[], clients: number, until: () => boolean): Promise<{ times: number[]; failed: number; seconds: number }> {
  const times: number[] = [];
  let failed = 0;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!until()) {
        const url = urls[next++ % urls.length];
        const start = performance.now();
        const res = await fetch(`${BASE}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status === 200) times.push(performance.now() - start);
        else failed++;
      }
    }),
  );
  return { times, failed, seconds: (performance.now() - started) / 1000 };
}

const LIST_MIX = ["/requests", "/requests?status=in_progress", "/requests?from=2024-03-01&to=2024-03-31", "/requests?q=%E7%AC%AC12345%E5%8F%B7"];

/** The registration form's Server Action, posted as the browser posts it (React's reply encoding). */
async function measureCreate(cookie: string): Promise<{ perSecond: number; created: number; failed: number }> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "createRequestAction")?.[0];
  if (!actionId) throw new Error("createRequestAction not found in the build");
  const seconds = SMOKE ? 2 : QUICK ? 10 : 20;
  let created = 0;
  let failed = 0;
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < end) {
        const k = n++;
        // The form's fields under the FormData argument's prefix, then the arguments (the previous
        // state and that FormData): the order React's encoder writes and its decoder needs.
        const form = new FormData();
        const fields: Record<string, string> = { serial: `BENCH-${k}`, applicantType: "natural", applicantName: `基准申请人${k}`, channel: "in_person", arrivedDate: "2024-06-03", content: `申请公开基准测试第${k}号文件` };
        for (const [key, value] of Object.entries(fields)) form.set(`_1_${key}`, value);
        form.set("0", JSON.stringify([{ status: "idle" }, "$K1"]));
        const res = await fetch(`${BASE}/requests/new`, { method: "POST", headers: { Cookie: cookie, "Next-Action": actionId, Origin: BASE, Accept: "text/x-component" }, body: form, redirect: "manual" });
        await res.arrayBuffer();
        if (res.headers.get("x-action-redirect")?.includes("saved=created")) created++;
        else failed++;
      }
    }),
  );
  return { perSecond: created / ((performance.now() - started) / 1000), created, failed };
}

/** The CLI import of a 100 000-row ledger while 4 clients read pages; the import's rows a second and the pages' p95. */
async function measureImport(cookie: string, env: NodeJS.ProcessEnv): Promise<{ rowsPerSecond: number; blockP95: number; pages: number; failed: number }> {
  const rows = IMPORT_ROWS;
  const file = path.join(path.dirname(env.DATABASE_URL as string), "ledger.csv");
  writeFileSync(file, syntheticLedgerCsv(rows, { year: 2025, prefix: "IMP" }));
  let done = false;
  const start = performance.now();
  const cli = spawn("npm", ["run", "--silent", "cli", "--", "import", "requests", file, "--agency", "imports"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  cli.stdout.resume();
  let errors = "";
  cli.stderr.on("data", (chunk) => (errors = (errors + String(chunk)).slice(-2000)));
  const finished = new Promise<number>((resolve) => cli.on("exit", (code) => resolve(code ?? 1)));
  const reading = load(cookie, ["/", "/requests", "/requests?status=in_progress", "/appeals"], 4, () => done);
  const code = await finished;
  const seconds = (performance.now() - start) / 1000;
  done = true;
  const pages = await reading;
  if (code !== 0) throw new Error(`the import failed (${code}): ${errors}`);
  return { rowsPerSecond: rows / seconds, blockP95: p95(pages.times), pages: pages.times.length, failed: pages.failed };
}

async function main() {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    say("没有生产构建：请先运行 npm run build（no production build: run npm run build first）");
    process.exit(2);
  }
  pointAtTemporaryDatabase();
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", GONGKAI_HSTS: "off" };
  say(`benchmark${SMOKE ? " (smoke: tiny data, figures meaningless)" : QUICK ? " (quick)" : ""}: database ${process.env.DATABASE_URL}`);
  const report = await buildAndMeasureReport();

  const server = startServer(env);
  /** The server stopped and waited for, then the temporary databases removed. */
  const stop = async () => {
    server.kill("SIGTERM");
    if (server.exitCode === null && server.signalCode === null) await new Promise((resolve) => server.once("exit", resolve));
    removeDatabase();
  };
  // Stopped from outside (a test's timeout, Ctrl-C): the server and the databases go with it.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop().then(() => process.exit(130)));
  try {
    await waitForServer();
    const cookie = await signIn();
    // Warm-up, not counted: every page of the mix rendered once, then the same load for a few
    // seconds, so that the figures are those of a running server rather than of its JIT's first
    // seconds (a cold start measured 10–20 % fewer pages over the first 20 s).
    for (const url of LIST_MIX) await (await fetch(`${BASE}${url}`, { headers: { Cookie: cookie } })).arrayBuffer();
    const warmEnd = performance.now() + WARM_SECONDS * 1000;
    await load(cookie, LIST_MIX, CLIENTS, () => performance.now() >= warmEnd);
    const listEnd = performance.now() + LIST_SECONDS * 1000;
    const list = await load(cookie, LIST_MIX, CLIENTS, () => performance.now() >= listEnd);
    const create = await measureCreate(cookie);
    const imported = await measureImport(cookie, env);
    const result = {
      report_ratio: Number(report.reportRatio.toFixed(2)),
      list_rps: Number((list.times.length / list.seconds).toFixed(1)),
      list_p95_ms: Number(p95(list.times).toFixed(1)),
      create_per_s: Number(create.perSecond.toFixed(1)),
      import_rows_per_s: Math.round(imported.rowsPerSecond),
      import_block_p95_ms: Number(imported.blockP95.toFixed(1)),
      rss_mb: Math.round(peakRssMb(server.pid as number)),
    };
    const table: [string, string, string][] = [
      ["report_ratio", String(result.report_ratio), `report ${report.reportMs.toFixed(1)} ms / floor ${report.floorMs.toFixed(1)} ms (target ≤ 2)`],
      ["list_rps", String(result.list_rps), `${CLIENTS} clients, ${list.seconds.toFixed(0)} s, ${list.failed} not 200 (target ≥ 100)`],
      ["list_p95_ms", String(result.list_p95_ms), "target ≤ 100"],
      ["create_per_s", String(result.create_per_s), `${create.created} created, ${create.failed} refused (target ≥ 200)`],
      ["import_rows_per_s", String(result.import_rows_per_s), `${IMPORT_ROWS.toLocaleString("en").replace(/,/g, " ")} rows, cli import requests (target ≥ 5 000)`],
      ["import_block_p95_ms", String(result.import_block_p95_ms), `${imported.pages} pages read during it, ${imported.failed} not 200 (target ≤ 250)`],
      ["rss_mb", String(result.rss_mb), "server peak resident memory (target ≤ 300)"],
    ];
    say("");
    for (const [key, value, note] of table) say(`${key.padEnd(20)} ${value.padStart(9)}   ${note}`);
    if (JSON_OUT) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await stop();
  }
}

/** The temporary folder of the run's databases and ledger (600 MB at full size) is not left behind. */
function removeDatabase() {
  rmSync(path.dirname(process.env.DATABASE_URL as string), { recursive: true, force: true });
}

main().catch((error) => {
  say(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
