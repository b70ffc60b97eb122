import "server-only";
import { and, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { getDb } from "../../db";
import { requests, type RequestRow } from "../../db/schema";
import { readableAgencyIds } from "../agencies/queries";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { AppError } from "../errors";
import { decryptPii } from "../pii/crypto";
import { maskCreditCode, maskIdNumber, maskPhone } from "../pii/mask";

/** The rows of the register the actor may read (issue 2 §5: scoped in the data layer). */
function scopeWhere(actor: Actor): SQL | undefined {
  if (actor.role !== "system" && !can(actor.role, "requests.read")) throw new AppError("FORBIDDEN", "无权查看申请");
  const ids = readableAgencyIds(actor);
  const live = isNull(requests.deletedAt);
  if (ids === "all") return live;
  return and(live, inArray(requests.agencyId, ids.length ? ids : [""]));
}

type Pii = { idNumber: string; creditCode: string; phone: string };
export type RequestView = Omit<RequestRow, "idNumberEnc" | "idNumberHash" | "creditCodeEnc" | "creditCodeHash" | "phoneEnc" | "phoneHash"> &
  Pii & { piiRevealed: boolean };

function open(value: string | null): string {
  return value ? decryptPii(value) : "";
}

function toView(row: RequestRow, reveal: boolean): RequestView {
  const { idNumberEnc, idNumberHash: _a, creditCodeEnc, creditCodeHash: _b, phoneEnc, phoneHash: _c, ...rest } = row;
  const idNumber = open(idNumberEnc);
  const creditCode = open(creditCodeEnc);
  const phone = open(phoneEnc);
  return reveal
    ? { ...rest, idNumber, creditCode, phone, piiRevealed: true }
    : { ...rest, idNumber: maskIdNumber(idNumber), creditCode: maskCreditCode(creditCode), phone: maskPhone(phone), piiRevealed: false };
}

/** One request; personal data in full only with `pii.view` on the request's own page. */
export function getRequest(actor: Actor, id: string, options: { revealPii?: boolean } = {}): RequestView {
  const row = getDb()
    .select()
    .from(requests)
    .where(and(scopeWhere(actor), eq(requests.id, id)))
    .get();
  if (!row) throw new AppError("NOT_FOUND", "申请不存在或无权查看");
  const reveal = Boolean(options.revealPii) && (actor.role === "system" || can(actor.role, "pii.view"));
  return toView(row, reveal);
}

export const PAGE_SIZE = 50;

/** The register, newest first, personal data masked. */
export function listRequests(actor: Actor, page = 1): { rows: RequestView[]; total: number } {
  const where = scopeWhere(actor);
  const db = getDb();
  const rows = db
    .select()
    .from(requests)
    .where(where)
    .orderBy(desc(requests.receivedDate), desc(requests.serial))
    .limit(PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(requests).where(where).get()?.n ?? 0;
  return { rows: rows.map((r) => toView(r, false)), total };
}
