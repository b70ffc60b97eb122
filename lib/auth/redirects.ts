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

export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  const forms = decodings(value);
  if (!forms || forms.some((form) => FORBIDDEN.test(form) || form.startsWith("//"))) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE.origin) return "/";
  const target = url.pathname + url.search + url.hash;
  if (target.startsWith("//")) return "/";
  let decodedPath: string;
  try {
    decodedPath = new URL(decodeURIComponent(url.pathname), BASE).pathname;
  } catch {
    return "/";
  }
  if (decodedPath.startsWith("//") || refusedTarget(url.pathname) || refusedTarget(decodedPath)) return "/";
  return target;
}
