import { getToken } from "next-auth/jwt";
import { authSecret } from "../env";

/**
 * The session id an Auth.js session cookie names, or undefined: the cookie decrypted and its
 * expiry checked, under Auth.js's secure name first (behind HTTPS) and then its plain one. Only
 * the Cookie header is read, never an Authorization header.
 *
 * The proxy and the server code (lib/auth/current.ts) both read the session this way, once per
 * request each, instead of running Auth.js's session endpoint: that re-encrypts a fresh token
 * each time (the cookie's life is fixed at sign-in, 12 h, the session row's absolute end anyway)
 * and, on the server, ran two session lookups of its own. Whether the session is still live is
 * the sessions table's answer (loadSessionUser), not the cookie's.
 */
export async function sessionIdFromCookies(cookieHeader: string | null): Promise<string | undefined> {
  if (!cookieHeader) return undefined;
  const req = { headers: new Headers({ cookie: cookieHeader }) };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret: authSecret(), secureCookie });
    if (token) return typeof token.sid === "string" && token.sid ? token.sid : undefined;
  }
  return undefined;
}
