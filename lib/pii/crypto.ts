import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { dataKey } from "../env";

/**
 * Personal data at rest (issue 2 §3): AES-256-GCM with a fresh 12-byte IV per value, and an
 * HMAC-SHA256 keyed hash for exact lookup. Both keys are derived from GONGKAI_DATA_KEY with
 * HKDF, so the same secret never serves two purposes.
 */

export type PiiKind = "id_number" | "phone" | "credit_code";

const FORMAT = "v1";

/** Derived once per key and purpose (an import seals hundreds of thousands of values); a replaced key starts afresh. */
let subKeysOf: string | undefined;
const subKeys = new Map<string, Buffer>();
function subKey(purpose: string): Buffer {
  if (process.env.GONGKAI_DATA_KEY !== subKeysOf) {
    subKeys.clear();
    subKeysOf = process.env.GONGKAI_DATA_KEY;
  }
  const cached = subKeys.get(purpose);
  if (cached) return cached;
  const key = Buffer.from(hkdfSync("sha256", dataKey(), Buffer.alloc(0), `gongkai:${purpose}`, 32));
  subKeys.set(purpose, key);
  return key;
}

/**
 * Nonces for AES-GCM: 12 random bytes each, taken in turn from a pool the CSPRNG fills 4 096 at
 * a time (an import seals three values a row; a call to the CSPRNG each cost more than the
 * cipher). Every nonce is used once: the pool is consumed, never rewound.
 */
const NONCE = 12;
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;
function nextNonce(): Buffer {
  if (nonceOffset + NONCE > noncePool.length) {
    noncePool = randomBytes(NONCE * 4096);
    nonceOffset = 0;
  }
  const nonce = Buffer.from(noncePool.subarray(nonceOffset, nonceOffset + NONCE));
  nonceOffset += NONCE;
  return nonce;
}

function seal(plain: Buffer, purpose: string): Buffer {
  const iv = nextNonce();
  const cipher = createCipheriv("aes-256-gcm", subKey(purpose), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(raw: Buffer, purpose: string): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", subKey(purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

export function encryptPii(plain: string): string {
  return `${FORMAT}:${seal(Buffer.from(plain, "utf8"), "encrypt").toString("base64")}`;
}

export function decryptPii(stored: string): string {
  const [format, payload] = stored.split(":", 2);
  if (format !== FORMAT || !payload) throw new Error("unknown personal-data format");
  return open(Buffer.from(payload, "base64"), "encrypt").toString("utf8");
}

/**
 * A whole file holding personal data (an uploaded ledger waiting for its confirmation), as
 * binary: IV, tag, ciphertext, under a key of its own purpose.
 */
export function encryptBytes(plain: Uint8Array): Buffer {
  return seal(Buffer.from(plain), "file");
}

export function decryptBytes(stored: Uint8Array): Buffer {
  return open(Buffer.from(stored), "file");
}

/** Normalizes before hashing so that `410…x` and `410…X`, or spaced phone numbers, match. */
export function normalizePii(kind: PiiKind, value: string): string {
  const compact = value.replace(/[\s-]/g, "");
  return kind === "phone" ? compact : compact.toUpperCase();
}

export function hashPii(kind: PiiKind, value: string): string {
  return createHmac("sha256", subKey("lookup")).update(`${kind}:${normalizePii(kind, value)}`).digest("hex");
}

/** `{ enc, hash }` for a value, or nulls when it is empty. */
export function sealPii(kind: PiiKind, value: string | null | undefined): { enc: string | null; hash: string | null } {
  const trimmed = value?.trim();
  if (!trimmed) return { enc: null, hash: null };
  return { enc: encryptPii(trimmed), hash: hashPii(kind, trimmed) };
}

/** A keyed hash of a secret the app checks but never shows again (recovery codes). */
export function secretHash(purpose: string, value: string): string {
  return createHmac("sha256", subKey(`secret:${purpose}`)).update(value).digest("hex");
}

/**
 * The key of the audit chain's MACs (lib/audit/chain.ts): derived like the others, under a label
 * of its own, so that no other use of GONGKAI_DATA_KEY can produce an audit MAC.
 */
export function auditChainKey(): Buffer {
  return subKey("audit-chain");
}
