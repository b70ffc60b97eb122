import { authorizeRoute, toActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/errors";
import { exportRequestLedger } from "@/lib/ledger/requests";

/** The agency's ledger in the import format; personal data in full, so the permission is its own and audited. */
export async function GET(request: Request) {
  const user = await authorizeRoute("requests.export");
  if (user instanceof Response) return user;
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const yearParam = url.searchParams.get("year");
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  try {
    const bytes = await exportRequestLedger(toActor(user), { agencyCode: user.agencyCode, year, format });
    const name = `ledger-${user.agencyCode}${year ? `-${year}` : ""}.${format}`;
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
