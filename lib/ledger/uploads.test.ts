import { existsSync, readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { closeDb, getSqlite } from "../../db";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR, type Actor } from "../auth/actor";
import { prepareApp } from "../lifecycle";
import { freshDatabase, makeUser, TODAY } from "../testing/db";
import { setClockForTests } from "../time";
import { commitUpload, previewUpload } from "./uploads";

/**
 * Issue 13, item 1: an uploaded ledger is kept only until it is committed or abandoned,
 * encrypted, and nothing of it remains in the database file or its WAL afterwards. The files are
 * scanned raw, as someone holding a copy of them would read them.
 */

// Distinctive values, found nowhere else in a fresh database.
const ID_NUMBER = "41152819870623751X";
const PHONE = "13987650123";
const NAME = "欧阳测试甲";
const ADDRESS = "确山县测试路九十九号";
const LEDGER = Buffer.from(
  [
    "serial,received_date,applicant_type,applicant_name,id_number,phone,address,content",
    `U-1,2026-12-01,natural,${NAME},${ID_NUMBER},${PHONE},${ADDRESS},申请公开某文件`,
  ].join("\n"),
  "utf8",
);
const HARMLESS = Buffer.from(["serial,received_date,applicant_type,applicant_name,content", "U-2,2026-12-01,natural,另一申请人,申请公开另一文件"].join("\n"), "utf8");

const T0 = new Date("2026-12-31T01:00:00Z");
const later = (hours: number) => new Date(T0.getTime() + hours * 3600_000);

let file: string;
let supervisor: Actor;

/** The database file with its -wal and -shm, as they are on disk now. */
function rawFiles(): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

/** The strings of `values` found in clear anywhere in the files. */
function foundInFiles(values: (string | Buffer)[]): string[] {
  const raw = rawFiles();
  return values.filter((v) => raw.includes(typeof v === "string" ? Buffer.from(v, "utf8") : v)).map((v) => (typeof v === "string" ? v : `ciphertext ${v.toString("hex").slice(0, 16)}…`));
}

/** A slice from the middle of the stored (encrypted) upload: it must go with the upload. */
function storedCiphertext(uploadId: string): Buffer {
  const row = getSqlite().prepare("SELECT * FROM import_uploads WHERE id = ?").get(uploadId) as { bytes_enc?: Buffer; bytes?: Buffer };
  return (row.bytes_enc ?? row.bytes ?? Buffer.alloc(0)).subarray(28, 60);
}

const uploads = () => (getSqlite().prepare("SELECT count(*) AS n FROM import_uploads").get() as { n: number }).n;

beforeEach(async () => {
  file = freshDatabase();
  setClockForTests(T0);
  createAgency(CLI_ACTOR, { code: "edu", name: "某县教育局" });
  supervisor = await makeUser("sup", "supervisor", "edu");
});

afterEach(() => {
  setClockForTests(null);
  closeDb();
});

describe("an uploaded ledger (issue 13, item 1)", () => {
  test("the preview stores the file encrypted: no ID, phone or name in clear in the database or its WAL", async () => {
    const { summary } = await previewUpload(supervisor, { name: "ledger.csv", bytes: LEDGER }, false, TODAY);
    expect(summary).toMatchObject({ ok: true, rows: 1 });
    expect(uploads()).toBe(1);
    expect(foundInFiles([ID_NUMBER, PHONE, NAME, ADDRESS])).toEqual([]);
  });

  test("a refused file (here: no receipt date) is not kept at all; the preview is still audited", async () => {
    const refused = Buffer.from(LEDGER.toString("utf8").replace("2026-12-01", ""), "utf8");
    const { uploadId, summary } = await previewUpload(supervisor, { name: "ledger.csv", bytes: refused }, false, TODAY);
    expect(summary.ok).toBe(false);
    expect(uploadId).toBe("");
    expect(uploads()).toBe(0);
    expect(getSqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'ledger.preview'").get()).toEqual({ n: 1 });
    expect(foundInFiles([ID_NUMBER, PHONE, NAME, ADDRESS])).toEqual([]);
  });

  test("committed: the upload is deleted with the import, and neither the ID nor the phone number remains in the files", async () => {
    const { uploadId } = await previewUpload(supervisor, { name: "ledger.csv", bytes: LEDGER }, false, TODAY);
    const cipher = storedCiphertext(uploadId);
    expect(foundInFiles([cipher])).toHaveLength(1); // the scan sees what is there

    const summary = await commitUpload(supervisor, uploadId, TODAY);
    expect(summary).toMatchObject({ ok: true, inserted: 1 });
    expect(uploads()).toBe(0);
    // The register stores the applicant's name, address and the request in clear (they are what
    // the register shows and searches); ID and phone numbers only encrypted, with a keyed hash.
    expect(getSqlite().prepare("SELECT applicant_name AS name, address, id_number_enc AS id, phone_enc AS phone FROM requests").get()).toMatchObject({ name: NAME, address: ADDRESS, id: expect.stringMatching(/^v1:/), phone: expect.stringMatching(/^v1:/) });
    expect(foundInFiles([ID_NUMBER, PHONE, cipher])).toEqual([]);
    const audit = getSqlite().prepare("SELECT action, changes FROM audit_log WHERE object_id = ?").all(uploadId) as { action: string; changes: string }[];
    expect(audit.map((a) => a.action)).toEqual(["ledger.preview", "ledger.import"]);

    await expect(commitUpload(supervisor, uploadId, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("a confirmed upload that adds nothing (every row already stored) is still audited, with its file's hash", async () => {
    await commitUpload(supervisor, (await previewUpload(supervisor, { name: "first.csv", bytes: HARMLESS }, false, TODAY)).uploadId, TODAY);
    const { uploadId } = await previewUpload(supervisor, { name: "again.csv", bytes: HARMLESS }, false, TODAY);
    expect(await commitUpload(supervisor, uploadId, TODAY)).toMatchObject({ ok: true, inserted: 0, unchanged: 1 });
    const row = getSqlite().prepare("SELECT json_extract(changes, '$.detail') AS detail FROM audit_log WHERE action = 'ledger.import' AND object_id = ?").get(uploadId) as { detail: string };
    expect(JSON.parse(row.detail)).toMatchObject({ file: "again.csv", source: "upload", inserted: 0, unchanged: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  test("abandoned: a day after the upload the next preview purges it, audited, and nothing of it remains in the files", async () => {
    const { uploadId } = await previewUpload(supervisor, { name: "ledger.csv", bytes: LEDGER }, false, TODAY);
    const cipher = storedCiphertext(uploadId);

    setClockForTests(later(23));
    await previewUpload(supervisor, { name: "other.csv", bytes: HARMLESS }, false, TODAY);
    expect(uploads()).toBe(2); // younger than a day: still waiting for its confirmation

    setClockForTests(later(24.5));
    const { uploadId: next } = await previewUpload(supervisor, { name: "other.csv", bytes: HARMLESS }, false, TODAY);
    const left = getSqlite().prepare("SELECT id FROM import_uploads ORDER BY created_at").all() as { id: string }[];
    expect(left.map((r) => r.id)).not.toContain(uploadId);
    expect(left.map((r) => r.id)).toContain(next);
    expect(getSqlite().prepare("SELECT actor_role AS role, result FROM audit_log WHERE action = 'ledger.upload_purge' AND object_id = ?").all(uploadId)).toEqual([{ role: "system", result: "success" }]);
    expect(getSqlite().prepare("SELECT count(*) AS n FROM requests").get()).toEqual({ n: 0 });
    expect(foundInFiles([ID_NUMBER, PHONE, NAME, ADDRESS, cipher])).toEqual([]);
    await expect(commitUpload(supervisor, uploadId, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("abandoned: the start-up step purges it too", async () => {
    const { uploadId } = await previewUpload(supervisor, { name: "ledger.csv", bytes: LEDGER }, false, TODAY);
    const cipher = storedCiphertext(uploadId);
    closeDb();
    setClockForTests(later(25));
    prepareApp();
    expect(uploads()).toBe(0);
    expect(foundInFiles([ID_NUMBER, PHONE, NAME, ADDRESS, cipher])).toEqual([]);
  });

  test("a commit a day after the upload finds nothing to import", async () => {
    const { uploadId } = await previewUpload(supervisor, { name: "ledger.csv", bytes: LEDGER }, false, TODAY);
    setClockForTests(later(24));
    await expect(commitUpload(supervisor, uploadId, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(getSqlite().prepare("SELECT count(*) AS n FROM requests").get()).toEqual({ n: 0 });
  });
});
