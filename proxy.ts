import { type NextRequest, NextResponse } from "next/server";
import { sessionIdOf } from "./lib/auth/session-cookie";
import { isPublicPath, isRouteHandlerPath } from "./lib/auth/paths";
import { hstsMode } from "./lib/env";
import { UPLOAD_BODY_BYTES, UPLOAD_TOO_LARGE } from "./lib/ledger/upload-limit";
import { strictTransportSecurity } from "./lib/security-headers";

/**
 * Sets the per-request CSP nonce and Strict-Transport-Security, and redirects anonymous page
 * visits to /login. It is not the guard: pages, actions and route handlers check the user
 * themselves (route handlers answer 401).
 */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS on every response the proxy hands back: pages, route handlers and its own redirects. */
function withTransportSecurity(req: Request, res: NextResponse): NextResponse {
  const hsts = strictTransportSecurity(hstsMode(), req.headers.get("x-forwarded-proto"));
  if (hsts) res.headers.set("Strict-Transport-Security", hsts);
  return res;
}

export default async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  // A body over the largest upload is refused before anything reads it (the browser's form
  // refuses such a file before sending it; this is for requests made by hand).
  if (Number(req.headers.get("content-length") ?? 0) > UPLOAD_BODY_BYTES) {
    return withTransportSecurity(req, new NextResponse(UPLOAD_TOO_LARGE, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } }));
  }
  // A cookie that decrypts is enough here; whether its session is live is the page's question.
  if (!isPublicPath(pathname) && !isRouteHandlerPath(pathname) && !(await sessionIdOf(req.headers))) {
    const login = new URL("/login", req.nextUrl.origin);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    return withTransportSecurity(req, NextResponse.redirect(login));
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  // Pages show personal data: never stored by a browser or a proxy cache.
  res.headers.set("Cache-Control", "no-store");
  return withTransportSecurity(req, res);
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
