import "server-only";
import { writeTx } from "../../db";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { reportCsv } from "./csv";
import { AppError } from "../errors";
import { getNarrative, latestSnapshot } from "./annual";
import { reportDocx } from "./docx";
import { computeReport } from "./engine";
import { type Narrative, renderNarrativeSections } from "./narrative";
import type { Report } from "./types";
import { reportHtml } from "./html";
import { reportJson } from "./json";
import { reportXlsx } from "./xlsx";

export const EXPORT_FORMATS = ["json", "csv", "html", "xlsx", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TYPES: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * A report document for download, from the live records or (`source: "snapshot"`) from the
 * year as it was finalized; the download is audited.
 */
export async function exportReport(actor: Actor, input: { agencyCode: string; year: number; includeChildren: boolean; format: ExportFormat; source?: "live" | "snapshot" }) {
  let report: Report;
  let narrative: Narrative;
  if (input.source === "snapshot") {
    const snapshot = latestSnapshot(actor, input.agencyCode, input.year, input.includeChildren);
    if (!snapshot) throw new AppError("NOT_FOUND", `${input.year} 年报告尚未定稿`);
    const frozen = snapshot.report;
    report = { ...frozen, includeChildren: frozen.include_children };
    narrative = snapshot.narrative;
  } else {
    report = computeReport(actor, input);
    narrative = renderNarrativeSections(getNarrative(actor, input.agencyCode, input.year), report);
  }
  const body =
    input.format === "docx"
      ? await reportDocx(report, narrative)
      : input.format === "xlsx"
      ? await reportXlsx(report)
      : input.format === "csv"
        ? reportCsv(report)
        : input.format === "html"
          ? Buffer.from(reportHtml(report, narrative), "utf8")
          : Buffer.from(`${JSON.stringify(reportJson(report), null, 2)}\n`, "utf8");
  writeTx((tx) => recordAudit(tx, actor, { action: "report.export", objectType: "report", objectId: `${report.agency.code}/${input.year}`, detail: { format: input.format, includeChildren: input.includeChildren, source: input.source ?? "live" } }));
  return { body, contentType: TYPES[input.format], filename: `report-${report.agency.code}-${input.year}.${input.format}` };
}
