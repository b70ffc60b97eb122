import { verifyAuditChain } from "@/lib/audit/record";
import { authorizeRoute } from "@/lib/auth/current";

/** The audit chain's integrity, for monitoring: `{ ok, break }`. */
export async function GET() {
  const user = await authorizeRoute("audit.read");
  if (user instanceof Response) return user;
  const chainBreak = verifyAuditChain();
  return Response.json({ ok: chainBreak === null, break: chainBreak }, { headers: { "Cache-Control": "no-store" } });
}
