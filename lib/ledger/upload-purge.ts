import "server-only";
import { and, eq, lte } from "drizzle-orm";
import { type Db, getDb, type Tx, truncateWal, writeTx } from "../../db";
import { importUploads } from "../../db/schema";
import { SYSTEM_ACTOR } from "../auth/actor";
import { recordAudit } from "../audit/record";

/**
 * How long an upload waits for its confirmation (issue 13, item 1: a day at most). The file holds
 * ID and phone numbers; after this it is abandoned and purged.
 */
export const UPLOAD_LIFETIME_MS = 24 * 3600_000;

/**
 * Purges the uploads not confirmed within a day of `at`: run before every upload, preview and
 * commit, and at start-up. This is the one hard delete in the app, and it is allowed because an
 * upload is a transient copy of a file, not a record (requests, users and agencies are never
 * deleted); each purge is audited. The connection's secure_delete zeroes the freed pages, and the
 * WAL is emptied after, so no copy of the (encrypted) file remains. Writes nothing when nothing
 * is due.
 */
export function purgeAbandonedUploads(at: Date): number {
  const cutoff = new Date(at.getTime() - UPLOAD_LIFETIME_MS).toISOString();
  const due = (db: Db | Tx) =>
    db
      .select({ id: importUploads.id, agencyId: importUploads.agencyId, filename: importUploads.filename, createdAt: importUploads.createdAt })
      .from(importUploads)
      .where(lte(importUploads.createdAt, cutoff))
      .all();
  if (due(getDb()).length === 0) return 0;
  const purged = writeTx((tx) => {
    const rows = due(tx);
    for (const row of rows) {
      tx.delete(importUploads).where(and(eq(importUploads.id, row.id), lte(importUploads.createdAt, cutoff))).run();
      recordAudit(tx, SYSTEM_ACTOR, {
        action: "ledger.upload_purge",
        objectType: "import",
        objectId: row.id,
        agencyId: row.agencyId,
        detail: { file: row.filename, uploadedAt: row.createdAt, reason: "abandoned" },
      });
    }
    return rows.length;
  });
  truncateWal();
  return purged;
}
