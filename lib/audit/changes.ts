import { PII_MASKS } from "../pii/mask";

/**
 * Builds the before/after change set of an audit row. Personal data appears masked, secrets and
 * ciphertexts never appear (issue 2 §4).
 */

type Plain = Record<string, unknown>;

const DROPPED = /(?:Enc|Hash|_enc|_hash|^passwordHash|^password)$/;

function scrub(record: Plain | null | undefined): Plain | undefined {
  if (!record) return undefined;
  const out: Plain = {};
  for (const [key, value] of Object.entries(record)) {
    if (DROPPED.test(key)) continue;
    const mask = key in PII_MASKS ? PII_MASKS[key as keyof typeof PII_MASKS] : undefined;
    out[key] = mask && typeof value === "string" ? mask(value) : value;
  }
  return out;
}

/** Only the fields that changed (all of them for a creation or a removal). */
export function changeSet(before: Plain | null | undefined, after: Plain | null | undefined): { before?: Plain; after?: Plain } {
  const b = scrub(before);
  const a = scrub(after);
  if (!b || !a) return { before: b, after: a };
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const changedBefore: Plain = {};
  const changedAfter: Plain = {};
  for (const key of keys) {
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    changedBefore[key] = b[key];
    changedAfter[key] = a[key];
  }
  return { before: changedBefore, after: changedAfter };
}
