import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
let dbFile: string;

/** Runs the real CLI entry point in a child process, as `npm run cli` does. */
function cli(args: string[], input = "") {
  const result = spawnSync(tsx, ["--conditions=react-server", path.join(root, "cli", "index.ts"), ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: dbFile, GONGKAI_ROOT: root },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli agency add / user add", () => {
  beforeEach(() => {
    dbFile = path.join(mkdtempSync(path.join(os.tmpdir(), "gongkai-cli-")), "cli.db");
  });

  test("creates the database, adds agencies idempotently, prints only the result", () => {
    const first = cli(["agency", "add", "--code", "county", "--name", "某县人民政府"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ code: "county", name: "某县人民政府", created: true });
    const again = cli(["agency", "add", "--code", "county", "--name", "某县人民政府"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).created).toBe(false);
    expect(cli(["agency", "add", "--code", "edu", "--name", "某县教育局", "--parent", "county"]).code).toBe(0);
    const db = new Database(dbFile, { readonly: true });
    const rows = db.prepare("SELECT a.code, p.code AS parent FROM agencies a LEFT JOIN agencies p ON a.parent_id = p.id ORDER BY a.code").all();
    db.close();
    expect(rows).toEqual([
      { code: "county", parent: null },
      { code: "edu", parent: "county" },
    ]);
  });

  test("adds a user with the password from the first line of standard input, never echoing it", () => {
    cli(["agency", "add", "--code", "county", "--name", "某县人民政府"]);
    const result = cli(["user", "add", "--username", "alice", "--role", "clerk", "--agency", "county", "--must-change"], "s3cret-Passw0rd\nignored\n");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ username: "alice", role: "clerk", mustChangePassword: true });
    expect(result.stdout + result.stderr).not.toContain("s3cret-Passw0rd");
    const db = new Database(dbFile, { readonly: true });
    const user = db.prepare("SELECT role, must_change_password AS mc, password_hash AS h FROM users WHERE username = 'alice'").get() as { role: string; mc: number; h: string };
    db.close();
    expect(user).toMatchObject({ role: "clerk", mc: 1 });
    expect(user.h.startsWith("scrypt$")).toBe(true);
  });

  test.each([
    [["user", "add", "--username", "bob", "--role", "clerk", "--agency", "missing"], "pw-1234567890\n", /机构代码 missing 不存在/],
    [["user", "add", "--username", "bob", "--role", "boss", "--agency", "county"], "pw-1234567890\n", /角色/],
    [["user", "add", "--username", "bob", "--role", "clerk", "--agency", "county"], "", /密码/],
    [["user", "add", "--username", "bob", "--role", "clerk", "--agency", "county"], "password123\n", /过于常见/],
    [["user", "add", "--username", "bob", "--role", "clerk", "--agency", "county"], "bob-12345678\n", /不能包含用户名/],
    [["user", "unlock", "--username", "nobody"], "", /用户 nobody 不存在/],
    [["agency", "add", "--code", "bad code", "--name", "x"], "", /机构代码/],
    [["agency", "add", "--code", "x", "--name", "x", "--parent", "nope"], "", /上级机构代码 nope 不存在/],
  ])("refuses bad input with exit 1 and a message naming the field: %j", (args, input, message) => {
    cli(["agency", "add", "--code", "county", "--name", "某县人民政府"]);
    const result = cli(args as string[], input as string);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message as RegExp);
  });

  test("user unlock ends a login lock, audited", () => {
    cli(["agency", "add", "--code", "county", "--name", "某县人民政府"]);
    expect(cli(["user", "add", "--username", "alice", "--role", "clerk", "--agency", "county"], "pw-1234567890\n").code).toBe(0);
    const db = new Database(dbFile);
    db.prepare("UPDATE users SET locked_until = '2999-01-01T00:00:00.000Z', failed_logins = 0 WHERE username = 'alice'").run();
    db.close();
    const result = cli(["user", "unlock", "--username", "alice"]);
    expect(result.code).toBe(0);
    const after = new Database(dbFile);
    expect(after.prepare("SELECT locked_until AS l FROM users WHERE username = 'alice'").get()).toEqual({ l: null });
    expect(after.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'user.unlock'").get()).toEqual({ n: 1 });
    after.close();
  });

  test("user reset-2fa removes the authenticator and the recovery codes, audited", () => {
    cli(["agency", "add", "--code", "county", "--name", "某县人民政府"]);
    expect(cli(["user", "add", "--username", "root", "--role", "admin", "--agency", "county"], "pw-1234567890\n").code).toBe(0);
    const db = new Database(dbFile);
    db.prepare("UPDATE users SET totp_secret_enc = 'x', totp_enabled_at = '2026-01-01T00:00:00.000Z', totp_recovery = '[]' WHERE username = 'root'").run();
    db.close();
    const result = cli(["user", "reset-2fa", "--username", "root"]);
    expect(result.code).toBe(0);
    const after = new Database(dbFile);
    expect(after.prepare("SELECT totp_secret_enc AS s, totp_enabled_at AS e, totp_recovery AS r FROM users WHERE username = 'root'").get()).toEqual({ s: null, e: null, r: null });
    expect(after.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'user.reset_2fa'").get()).toEqual({ n: 1 });
    after.close();
    expect(cli(["user", "reset-2fa", "--username", "nobody"]).stderr).toMatch(/用户 nobody 不存在/);
  });

  test("a duplicate username is refused", () => {
    cli(["agency", "add", "--code", "county", "--name", "某县人民政府"]);
    expect(cli(["user", "add", "--username", "alice", "--role", "clerk", "--agency", "county"], "pw-1234567890\n").code).toBe(0);
    const again = cli(["user", "add", "--username", "Alice", "--role", "clerk", "--agency", "county"], "pw-1234567890\n");
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/已存在/);
  });

  test.each([[[]], [["nonsense"]], [["agency", "add", "--code", "x"]], [["agency", "add", "--code", "x", "--name", "y", "--bogus"]], [["user", "remove"]]])(
    "wrong usage exits 2: %j",
    (args) => {
      const result = cli(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
    },
  );

  test("import requests: dry run, import, re-import, export; refusals exit 1 with row and field", () => {
    const fixture = path.join(root, "db", "seed-data", "queshan-2024", "requests.csv");
    cli(["agency", "add", "--code", "q", "--name", "某县人民政府"]);
    const dry = cli(["import", "requests", fixture, "--agency", "q", "--dry-run"]);
    expect(dry.code).toBe(0);
    const dryResult = JSON.parse(dry.stdout);
    expect(dryResult).toMatchObject({ dryRun: true, unchanged: 0 });
    const first = cli(["import", "requests", fixture, "--agency", "q"]);
    expect(JSON.parse(first.stdout)).toMatchObject({ inserted: dryResult.inserted, unchanged: 0 });
    expect(JSON.parse(cli(["import", "requests", fixture, "--agency", "q"]).stdout)).toMatchObject({ inserted: 0, unchanged: dryResult.inserted });

    const out = path.join(path.dirname(dbFile), "ledger.csv");
    expect(cli(["export", "requests", "--agency", "q", "--out", out]).code).toBe(0);
    const bad = path.join(path.dirname(dbFile), "bad.csv");
    writeFileSync(bad, "serial,received_date,applicant_type,applicant_name,content\nX-1,2024-13-01,natural,甲,内容\n");
    const refused = cli(["import", "requests", bad, "--agency", "q"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/第 2 行「received_date」：日期「2024-13-01」不存在 \(row 2, received_date: impossible date 2024-13-01\)/);
    expect(cli(["import", "requests", "--agency", "q"]).code).toBe(2);
  });

  test("the seed report reproduces through the CLI in every cell; csv has the three tables", () => {
    const fixture = path.join(root, "db", "seed-data", "queshan-2024");
    expect(cli(["agency", "add", "--code", "qs", "--name", "确山县人民政府"]).code).toBe(0);
    expect(cli(["import", "requests", path.join(fixture, "requests.csv"), "--agency", "qs"]).code).toBe(0);
    expect(cli(["import", "appeals", path.join(fixture, "appeals.csv"), "--agency", "qs"]).code).toBe(0);
    expect(cli(["proactive", "set", "--agency", "qs", "--year", "2024", path.join(fixture, "proactive.json")]).code).toBe(0);
    const result = cli(["report", "--agency", "qs", "--year", "2024", "--format", "json"]);
    expect(result.code).toBe(0);
    const actual = JSON.parse(result.stdout);
    const expected = JSON.parse(readFileSync(path.join(fixture, "expected.json"), "utf8"));
    expect({ ...actual, agency: { name: actual.agency.name } }).toMatchObject(expected);
    expect(actual.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);

    const csv = cli(["report", "--agency", "qs", "--year", "2024", "--format", "csv"]).stdout;
    const titles = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"];
    expect(titles.map((t) => csv.indexOf(t))).toEqual([...titles.map((t) => csv.indexOf(t))].sort((a, b) => a - b));
    expect(csv).toContain("一、本年新收政府信息公开申请数量,28,0,0,0,0,0,28");
    expect(cli(["report", "--agency", "qs", "--year", "24"]).code).toBe(2);
    expect(cli(["report", "--agency", "nope", "--year", "2024"]).code).toBe(1);
  });

  test("due: one line on standard output, steps on standard error, exit codes", () => {
    const plain = cli(["due", "--received", "2024-09-27"]);
    expect(plain).toMatchObject({ code: 0, stdout: "2024-10-30\n", stderr: "" });
    const explained = cli(["due", "--received", "2024-09-27", "--explain"]);
    expect(explained.stdout).toBe("2024-10-30\n");
    expect(explained.stderr).toContain("9月29日（星期日）国庆节调休上班，计入");
    expect(explained.stderr).toContain("10月1日–7日 国庆节放假，不计");
    expect(explained.stderr.trim().split("\n").at(-1)).toBe("第 20 个工作日：2024-10-30");
    expect(cli(["due", "--received", "2024-09-27", "--extension", "20"]).stdout).toBe("2024-11-27\n");
    expect(cli(["due", "--received", "2024-01-02", "--supplemented", "2024-09-27"]).stdout).toBe("2024-10-30\n");
    expect(cli(["due", "--received", "2024-09-27", "--pause", "2024-09-27:2024-10-10"]).stdout).toBe("2024-11-06\n");
    expect(cli(["due", "--received", "2024-09-27", "--pause", "2024-09-27:2024-10-10", "--pause", "2024-10-08:2024-10-11", "--extension", "20"]).stdout).toBe("2024-12-05\n");
    // A4 as amended: a pause before the 补正 restart adds nothing.
    expect(cli(["due", "--received", "2024-03-01", "--supplemented", "2024-04-01", "--pause", "2024-03-04:2024-03-15"]).stdout).toBe("2024-04-29\n");
    const provisional = cli(["due", "--received", "2030-12-20", "--explain"]); // a year far from any shipped notice
    expect(provisional.stdout).toMatch(/^\d{4}-\d{2}-\d{2} provisional\n$/);
    expect(provisional.stderr).toContain("暂定");
  }, 120_000);

  test("due: malformed dates and values exit 1 with nothing on standard output; usage errors exit 2", () => {
    for (const bad of [
      ["--received", "2024-02-30"],
      ["--received", "20240927"],
      ["--received", "2024-9-27"],
      ["--received", "2024-09-27", "--supplemented", "2024-13-01"],
      ["--received", "2024-09-27", "--supplemented", "2024-09-01"],
      ["--received", "2024-09-27", "--pause", "2024-10-08"],
      ["--received", "2024-09-27", "--pause", "2024-10-10:2024-10-01"],
      ["--received", "2024-09-27", "--pause", "2024-10-01:2024-10-32"],
      ["--received", "2024-09-27", "--extension", "21"],
      ["--received", "2024-09-27", "--extension", "-1"],
      ["--received", "2024-09-27", "--extension", "abc"],
    ]) {
      const result = cli(["due", ...bad]);
      expect(result.code, bad.join(" ")).toBe(1);
      expect(result.stdout, bad.join(" ")).toBe("");
    }
    expect(cli(["due", "--received"]).code).toBe(2);
    expect(cli(["due", "--received", "2024-09-27", "--nonsense"]).code).toBe(2);
    expect(cli(["due"]).code).toBe(2);
  }, 120_000); // a dozen whole CLI processes: slow when the machine is busy

  test("backup: a consistent copy that opens with the same data; a missing directory exits 1", () => {
    cli(["agency", "add", "--code", "bk", "--name", "备份测试机关"]);
    const out = path.join(os.tmpdir(), `gongkai-backup-${process.pid}-${Date.now()}.db`);
    const result = cli(["backup", "--out", out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ out, bytes: expect.any(Number) });
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare("SELECT name FROM agencies WHERE code = 'bk'").get()).toEqual({ name: "备份测试机关" });
    copy.close();
    expect(cli(["backup", "--out", path.join(os.tmpdir(), "no-such-dir-gongkai", "x.db")]).code).toBe(1);
    expect(cli(["backup"]).code).toBe(2);
  }, 60_000);

  test("the database, its -wal and -shm, the backup and .env.local are readable by their owner only (issue 13)", () => {
    // A root of its own without secrets in the environment, so that this run creates .env.local;
    // the umask of 022 would leave every file readable by others.
    const home = mkdtempSync(path.join(os.tmpdir(), "gongkai-cli-modes-"));
    symlinkSync(path.join(root, "db"), path.join(home, "db"));
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: path.join(home, "data", "modes.db"), GONGKAI_ROOT: home };
    delete env.AUTH_SECRET;
    delete env.GONGKAI_DATA_KEY;
    const out = path.join(home, "backup.db");
    const script = `umask 022; "$0" --conditions=react-server "$1" agency add --code m --name 模式测试机关 && "$0" --conditions=react-server "$1" backup --out "$2"`;
    const result = spawnSync("sh", ["-c", script, tsx, path.join(root, "cli", "index.ts"), out], { cwd: root, encoding: "utf8", env });
    expect(result.status, result.stderr).toBe(0);
    const db = path.join(home, "data", "modes.db");
    const files = [db, out, `${out}.audit-head`, `${db}.audit-head`, path.join(home, ".env.local"), ...[`${db}-wal`, `${db}-shm`].filter((f) => existsSync(f))];
    expect(files.map((f) => [path.basename(f), (statSync(f).mode & 0o777).toString(8)])).toEqual(files.map((f) => [path.basename(f), "600"]));
    expect(readdirSync(home).sort()).toEqual([".env.local", "backup.db", "backup.db.audit-head", "data", "db"]); // no -wal or -shm left beside the backup; its audit head with it
    // A connection left open, as the server's is: the -wal and -shm it uses are 0600 too.
    const open = new Database(db);
    open.prepare("SELECT count(*) FROM agencies").get();
    for (const f of [`${db}-wal`, `${db}-shm`]) expect([path.basename(f), (statSync(f).mode & 0o777).toString(8)]).toEqual([path.basename(f), "600"]);
    open.close();
  }, 60_000);
});

describe("cli audit verify (issue 13)", () => {
  beforeEach(() => {
    dbFile = path.join(mkdtempSync(path.join(os.tmpdir(), "gongkai-cli-")), "cli.db");
    for (const code of ["a", "b", "c"]) expect(cli(["agency", "add", "--code", code, "--name", `${code}机关`]).code).toBe(0);
  });
  const files = () => [dbFile, `${dbFile}-wal`, `${dbFile}.audit-head`].map((f) => (existsSync(f) ? readFileSync(f).toString("base64") : null));

  test("an intact trail: `ok N` and exit 0, writing nothing", () => {
    const before = files();
    expect(cli(["audit", "verify"])).toMatchObject({ code: 0, stdout: "ok 3\n" });
    expect(files()).toEqual(before);
    expect(existsSync(`${dbFile}.audit-checkpoint`)).toBe(false);
    expect(cli(["audit"]).code).toBe(2);
  });

  test("a changed row is named on standard error, exit 1", () => {
    const db = new Database(dbFile);
    db.exec("DROP TRIGGER audit_log_no_update");
    db.prepare("UPDATE audit_log SET actor_name = 'mallory' WHERE id = 2").run();
    db.close();
    const result = cli(["audit", "verify"]);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr.split("\n")[0]).toMatch(/row 2: changed/);
    expect(result.stderr).toMatch(/trigger missing: audit_log_no_update/);
  });

  test("the tail deleted with the triggers dropped: `truncated`, and the next write is refused", () => {
    const db = new Database(dbFile);
    db.exec("DROP TRIGGER audit_log_no_delete");
    db.prepare("DELETE FROM audit_log WHERE id = 3").run();
    db.close();
    const before = files();
    const result = cli(["audit", "verify"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/truncated: head at row 3, database ends at row 2/);
    expect(result.stderr).toMatch(/trigger missing: audit_log_no_delete/);
    expect(files()).toEqual(before);
    const write = cli(["agency", "add", "--code", "d", "--name", "d机关"]);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/审计日志被截断/);
  });

  test("backup copies the head beside the copy, which verifies on its own; --adopt-head after a restore without it", () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "gongkai-cli-")), "copy.db");
    expect(cli(["backup", "--out", out]).code).toBe(0);
    expect(statSync(`${out}.audit-head`).mode & 0o777).toBe(0o600);
    dbFile = out;
    expect(cli(["audit", "verify"])).toMatchObject({ code: 0, stdout: "ok 3\n" });
    rmSync(`${out}.audit-head`);
    expect(cli(["audit", "verify"]).stderr).toMatch(/head missing/);
    expect(cli(["agency", "add", "--code", "d", "--name", "d机关"]).code).toBe(1);
    expect(cli(["audit", "verify", "--adopt-head"])).toMatchObject({ code: 0, stdout: "ok 4\n" });
    expect(cli(["agency", "add", "--code", "d", "--name", "d机关"]).code).toBe(0);
    const db = new Database(out, { readonly: true });
    expect(db.prepare("SELECT action FROM audit_log ORDER BY id DESC LIMIT 2").all()).toEqual([{ action: "agency.create" }, { action: "audit.head_adopted" }]);
    db.close();
  }, 60_000);
});

