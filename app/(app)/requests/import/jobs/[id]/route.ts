import { authorizeRoute, toActor } from "@/lib/auth/current";
import { importJob } from "@/lib/ledger/import-jobs";

/** A running import's state for the upload page, which asks for it until it ends; only the user's own. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await authorizeRoute("requests.import");
  if (user instanceof Response) return user;
  const job = importJob(toActor(user), (await params).id);
  if (!job) return Response.json({ error: "找不到这次导入" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json(job, { headers: { "Cache-Control": "no-store" } });
}
