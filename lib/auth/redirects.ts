import { can } from "./permissions";
import type { Role } from "./roles";

/**
 * Only same-origin paths are followed after login (no open redirect, issue 12 item 5). A browser
 * drops tabs and newlines from a URL and reads `\` as `/`, so `/\t/evil.example` is
 * `//evil.example`, another host: such characters are refused anywhere in the value, whether
 * raw or percent-encoded (once or more), before the value is resolved against a fixed origin.
 */

const BASE = new URL("http://x.invalid");

// Control characters (C0, DEL, C1), any Unicode whitespace, and the backslash.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]|\s/u;

/** The value and each of its percent-decodings until it stops changing; null if one is malformed. */
function decodings(value: string): string[] | null {
  const out = [value];
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return out;
    out.push(next);
    current = next;
  }
  return null; // encoded more deeply than any link this application makes
}

function refusedTarget(pathname: string): boolean {
  return pathname.startsWith("/login") || pathname === "/api" || pathname.startsWith("/api/");
}

/** The value as a path of this origin (with query and hash), or null: the common part of the two checks below. */
function sameOriginTarget(value: unknown): { target: string; decodedPath: string } | null {
  if (typeof value !== "string" || !value.startsWith("/")) return null;
  const forms = decodings(value);
  if (!forms || forms.some((form) => FORBIDDEN.test(form) || form.startsWith("//"))) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE.origin) return null;
  const target = url.pathname + url.search + url.hash;
  if (target.startsWith("//")) return null;
  let decodedPath: string;
  try {
    decodedPath = new URL(decodeURIComponent(url.pathname), BASE).pathname;
  } catch {
    return null;
  }
  if (decodedPath.startsWith("//")) return null;
  return { target, decodedPath };
}

/** The value if it is a safe path to return to after login, else `fallback`. */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  const checked = sameOriginTarget(value);
  if (!checked || refusedTarget(checked.target.split(/[?#]/)[0]) || refusedTarget(checked.decodedPath)) return fallback;
  return checked.target;
}

/** Where a login without a page to return to lands (domain.md A8): 我的待办 for those who work on requests, else 工作台. */
export function landingPath(role: Role): string {
  return can(role, "requests.read") ? "/todo" : "/";
}

/**
 * The landing of the password step, where the role is not known yet. Every role that lands
 * elsewhere signs in with a second factor, whose step sends it to landingPath(role) (the unit
 * test holds the two together).
 */
export const PASSWORD_LOGIN_LANDING = "/todo";

/**
 * Auth.js's redirect callback (and its `callbackUrl` query parameter and cookie): a same-origin
 * path, /login included (sign-out goes there), absolute on this origin; anything else, a
 * newline say, is this origin's root. Auth.js's own check answered such a value with HTTP 500.
 */
export function authRedirectUrl(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  const path = url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
  return `${origin}${sameOriginTarget(path)?.target ?? "/"}`;
}

/** Auth.js's cookie of the page to return to, over HTTP and over HTTPS. */
const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/**
 * A request to Auth.js's routes with its `callbackUrl` query parameter and cookie made safe
 * first (authRedirectUrl): Auth.js refuses an invalid one with HTTP 500 before any callback runs.
 */
export function withSafeCallbackUrl(request: Request): Request {
  const url = new URL(request.url);
  const isSafe = (value: string) => [value, `${url.origin}${value}`].includes(authRedirectUrl(value, url.origin));
  const param = url.searchParams.get("callbackUrl");
  let changed = false;
  if (param !== null && !isSafe(param)) {
    url.searchParams.set("callbackUrl", authRedirectUrl(param, url.origin));
    changed = true;
  }
  const headers = new Headers(request.headers);
  const cookies = (headers.get("cookie") ?? "").split(/;\s*/).filter(Boolean);
  const kept = cookies.filter((cookie) => {
    const [name, ...rest] = cookie.split("=");
    if (!CALLBACK_COOKIES.includes(name)) return true;
    let value: string;
    try {
      value = decodeURIComponent(rest.join("="));
    } catch {
      return false;
    }
    return isSafe(value);
  });
  if (kept.length !== cookies.length) {
    headers.set("cookie", kept.join("; "));
    changed = true;
  }
  if (!changed) return request;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(url, { method: request.method, headers, body: hasBody ? request.body : undefined, ...(hasBody ? { duplex: "half" } : {}) } as RequestInit);
}
