/**
 * Strict-Transport-Security depends on the request (issue 12, item 6), so proxy.ts sets it per
 * response; the static headers are in next.config.ts. The app itself speaks plain HTTP: a
 * browser is told to insist on HTTPS only when a TLS-terminating proxy in front says the
 * request came over HTTPS, or when the deployment says so with GONGKAI_HSTS=always.
 */

export const HSTS_MODES = ["always", "auto", "off"] as const;
export type HstsMode = (typeof HSTS_MODES)[number];

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/**
 * The protocol the client connected with, as a raw X-Forwarded-Proto header says it (lower
 * case), or null without the header. With proxies in a chain the first entry is the one the
 * client connected to.
 */
export function forwardedProto(header: string | null | undefined): string | null {
  return header == null ? null : header.split(",")[0].trim().toLowerCase();
}

/** The header's value, or null for none. `forwardedProtoHeader` is the raw X-Forwarded-Proto header. */
export function strictTransportSecurity(mode: HstsMode, forwardedProtoHeader: string | null | undefined): string | null {
  if (mode === "off") return null;
  if (mode === "always") return HSTS_VALUE;
  return forwardedProto(forwardedProtoHeader) === "https" ? HSTS_VALUE : null;
}
