import { authorizeRoute, toActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/errors";
import { EXPORT_FORMATS, type ExportFormat, exportReport } from "@/lib/reports/export";

/** `/reports/<year>/export?format=…` (interfaces.md): the user's agency's report as a document. */
export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const user = await authorizeRoute("reports.read");
  if (user instanceof Response) return user;
  const { year } = await params;
  const url = new URL(request.url);
  const format = (url.searchParams.get("format") ?? "json") as ExportFormat;
  if (!/^\d{4}$/.test(year)) return Response.json({ error: "年份无效 (invalid year)" }, { status: 400 });
  if (!EXPORT_FORMATS.includes(format)) {
    return Response.json({ error: `不支持的格式 ${format}（可用：${EXPORT_FORMATS.join("、")}）(unsupported format)` }, { status: 400 });
  }
  try {
    const file = await exportReport(toActor(user), { agencyCode: user.agencyCode, year: Number(year), includeChildren: url.searchParams.get("children") === "1", format, source: url.searchParams.get("source") === "snapshot" ? "snapshot" : "live" });
    const inline = format === "html" || format === "json";
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
