import "server-only";
import { insertAgency } from "./agencies/mutations";
import { getAgencyByCode } from "./agencies/queries";
import { SYSTEM_ACTOR } from "./auth/actor";
import { generatePassword, hashPassword } from "./auth/password";
import { getDb, writeTx } from "../db";
import { users } from "../db/schema";
import { recordAudit } from "./audit/record";
import { countUsers } from "./users/queries";
import { randomUUID } from "node:crypto";

export const DEFAULT_AGENCY = { code: "default", name: "本机关" } as const;

/**
 * First start of the server (issue 2 §5): with no users at all, creates the agency `default`
 * when there is none and the user `admin` with a random password that must be changed at the
 * first login. Returns that password once, for the server console only; null otherwise.
 */
export async function ensureFirstAdmin(): Promise<string | null> {
  getDb();
  if (countUsers() > 0) return null;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const created = writeTx((tx) => {
    if (countUsers(tx) > 0) return false;
    const agency = getAgencyByCode(DEFAULT_AGENCY.code, tx) ?? insertAgency(tx, SYSTEM_ACTOR, { ...DEFAULT_AGENCY, parentId: null });
    const id = randomUUID();
    tx.insert(users)
      .values({ id, username: "admin", displayName: "系统管理员", passwordHash, role: "admin", agencyId: agency.id, mustChangePassword: true })
      .run();
    recordAudit(tx, SYSTEM_ACTOR, { action: "user.create", objectType: "user", objectId: id, agencyId: agency.id, after: { username: "admin", role: "admin", mustChangePassword: true } });
    return true;
  });
  return created ? password : null;
}
