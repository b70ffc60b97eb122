import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { maskAddress, maskEmail, maskName, PII_MASKS } from "../pii/mask";

/**
 * What a reader of the audit page sees of a row's change set (issue 13): no applicant data
 * beyond what that reader may see in the register. An admin sees no register at all, so it
 * sees the change sets of system events (users, agencies, calendar, settings, logins, refusals,
 * the trail's own events) and only the object of the others; an auditor reads the register
 * with personal data masked, and so the change sets; a supervisor (pii.view) as stored. Pure.
 */

export type AuditReader = "system" | "masked" | "full";

export const SYSTEM_OBJECT_TYPES: readonly string[] = ["user", "agency", "calendar", "settings", "session", "permission", "audit"];

export function auditReaderOf(actor: Actor): AuditReader {
  if (actor.role === "system") return "full";
  if (!can(actor.role, "requests.read")) return "system";
  return can(actor.role, "pii.view") ? "full" : "masked";
}

const PERSONAL: Record<string, (value: string) => string> = {
  ...PII_MASKS,
  applicantName: maskName,
  address: maskAddress,
  email: maskEmail,
};

function maskDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const mask = Object.hasOwn(PERSONAL, key) ? PERSONAL[key] : undefined;
    out[key] = mask && typeof inner === "string" ? mask(inner) : maskDeep(inner);
  }
  return out;
}

/** The change set as this reader may see it; `hidden` when there was one it may not. */
export function visibleChanges(reader: AuditReader, objectType: string, changes: string | null): { changes: string | null; hidden: boolean } {
  if (changes === null || reader === "full") return { changes, hidden: false };
  if (reader === "system") return SYSTEM_OBJECT_TYPES.includes(objectType) ? { changes, hidden: false } : { changes: null, hidden: true };
  try {
    return { changes: JSON.stringify(maskDeep(JSON.parse(changes))), hidden: false };
  } catch {
    return { changes: null, hidden: true };
  }
}
