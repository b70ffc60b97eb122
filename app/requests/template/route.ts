import { authorizeRoute } from "@/lib/auth/current";
import { errorResponse } from "@/lib/errors";
import { importTemplate } from "@/lib/ledger/template";

/** The XLSX template of an import file: `?kind=requests` (the ledger, default) or `?kind=appeals`. It holds no data. */
export async function GET(request: Request) {
  const user = await authorizeRoute("requests.read");
  if (user instanceof Response) return user;
  const kind = new URL(request.url).searchParams.get("kind") === "appeals" ? "appeals" : "requests";
  try {
    const bytes = await importTemplate(kind);
    const name = kind === "appeals" ? "appeals-template.xlsx" : "ledger-template.xlsx";
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(kind === "appeals" ? "复议诉讼案件导入模板.xlsx" : "申请台账导入模板.xlsx")}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
