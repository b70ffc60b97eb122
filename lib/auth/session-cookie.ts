import { getToken } from "next-auth/jwt";
import { authSecret, authUrl } from "../env";
import { forwardedProto } from "../security-headers";

/**
 * Whether Auth.js names its session cookie `__Secure-…` for this request: by the protocol of
 * AUTH_URL when set, else of `x-forwarded-proto` (which Next.js sets; https when absent) — the
 * rule Auth.js itself applies (createActionURL, then `useSecureCookies`), so exactly the one
 * cookie it set and would clear is read. A plain cookie planted beside it on an HTTPS site is
 * never taken for a session.
 */
export function usesSecureCookie(headers: Headers): boolean {
  const configured = authUrl();
  if (configured) {
    try {
      return new URL(configured).protocol === "https:";
    } catch {
      return false;
    }
  }
  const proto = forwardedProto(headers.get("x-forwarded-proto")) ?? "https";
  return proto === "https" || proto === "https:";
}

/**
 * The session id the request's Auth.js session cookie names, or undefined: the cookie decrypted
 * and its expiry checked. Only the Cookie header is read, never an Authorization header.
 *
 * The proxy and the server code (lib/auth/current.ts) both read the session this way, once per
 * request each, instead of running Auth.js's session endpoint: that re-encrypts a fresh token
 * each time (the cookie's life is fixed at sign-in, 12 h, the session row's absolute end anyway)
 * and, on the server, ran two session lookups of its own. Whether the session is still live is
 * the sessions table's answer (loadSessionUser), not the cookie's.
 */
export async function sessionIdOf(headers: Headers): Promise<string | undefined> {
  const cookie = headers.get("cookie");
  if (!cookie) return undefined;
  const token = await getToken({ req: { headers: new Headers({ cookie }) }, secret: authSecret(), secureCookie: usesSecureCookie(headers) });
  return token && typeof token.sid === "string" && token.sid ? token.sid : undefined;
}
