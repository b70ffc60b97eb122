/** Paths the proxy lets through without a session (pure: used by proxy.ts and its tests). */

export function isPublicPath(pathname: string): boolean {
  return pathname === "/login" || pathname.startsWith("/api/auth/");
}

/** Route handlers answer 401/403 themselves (interfaces.md): the proxy never redirects them. */
export function isRouteHandlerPath(pathname: string): boolean {
  return pathname.startsWith("/api/") || pathname === "/requests/export" || pathname === "/requests/template" || /^\/requests\/import\/jobs\/[^/]+\/?$/.test(pathname) || /^\/reports\/[^/]+\/export\/?$/.test(pathname);
}
