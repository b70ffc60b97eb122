import { verifyAudit } from "@/lib/audit/verify";
import { authorizeRoute } from "@/lib/auth/current";

/** The audit trail's integrity, for monitoring: `{ ok, break }` (the first finding); `?full=1` re-reads every row. */
export async function GET(request: Request) {
  const user = await authorizeRoute("audit.read");
  if (user instanceof Response) return user;
  const check = verifyAudit({ full: new URL(request.url).searchParams.get("full") === "1", writeCheckpoint: true });
  return Response.json({ ok: check.ok, break: check.findings[0] ?? null }, { headers: { "Cache-Control": "no-store" } });
}
