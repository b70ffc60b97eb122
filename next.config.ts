import type { NextConfig } from "next";
import { UPLOAD_BODY_BYTES } from "./lib/ledger/upload-limit";

/** Headers that do not depend on the request; the CSP with its per-request nonce is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // chinese-days: its package.json says CommonJS while its "module" entry is ESM; loaded by Node as is.
  serverExternalPackages: ["better-sqlite3", "chinese-days"],
  experimental: {
    authInterrupts: true,
    // A ledger upload up to the app's own limit passes whole: the proxy would otherwise cut a body
    // at 10 MB and Server Actions refuse one over 1 MB (as a bare 500).
    proxyClientMaxBodySize: UPLOAD_BODY_BYTES,
    serverActions: { bodySizeLimit: UPLOAD_BODY_BYTES },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
