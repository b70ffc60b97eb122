import { OUTCOME_GROUPS } from "../requests/outcomes";
import { APPEAL_COLUMNS, APPEAL_GROUP_CODES, APPLICATION_COLUMNS, APPLICATION_ROW_CODES, appealCell, applicationCell } from "./layout";
import type { Report } from "./types";

/**
 * Sections 一、五、六 are text the agency writes; the numbers they quote are placeholders
 * (`{{新收}}`) filled from the same computation as the tables, so text and tables cannot
 * disagree (A6).
 */
export type Narrative = { overview: string; problems: string; other: string };

/** The total of one outcome group of table 三 (keys as report-format.json numbers them: 三 … 六). */
const groupTotal = (report: Report, key: string) =>
  (OUTCOME_GROUPS.find((g) => g.key === key)?.outcomes ?? []).reduce((s, o) => s + applicationCell(report.applications, o, "total"), 0);

export function placeholderValues(report: Report): Record<string, string> {
  const total = (row: string) => applicationCell(report.applications, row, "total");
  const a = report.appeals;
  return {
    年度: String(report.year),
    新收: String(total("new")),
    上年结转: String(total("carried_in")),
    办结: String(total("total")),
    结转下年: String(total("carried_out")),
    予以公开: String(total("disclose")),
    部分公开: String(total("partial")),
    不予公开: String(groupTotal(report, "三")),
    无法提供: String(groupTotal(report, "四")),
    不予处理: String(groupTotal(report, "五")),
    其他处理: String(groupTotal(report, "六")),
    行政复议: String(appealCell(a, "review", "total")),
    复议纠正: String(appealCell(a, "review", "corrected")),
    行政诉讼: String(appealCell(a, "suit_direct", "total") + appealCell(a, "suit_after_review", "total")),
    诉讼纠正: String(appealCell(a, "suit_direct", "corrected") + appealCell(a, "suit_after_review", "corrected")),
    收费件数: String(report.fees.applications),
    收费金额: report.fees.amount_yuan,
    规范性文件制发: String(report.proactive.normative_documents.issued),
    规范性文件现行有效: String(report.proactive.normative_documents.in_force),
  };
}

export const PLACEHOLDER_NAMES = Object.keys(placeholderValues({
  year: 0,
  applications: { columns: [...APPLICATION_COLUMNS], rows: Object.fromEntries(APPLICATION_ROW_CODES.map((r) => [r, APPLICATION_COLUMNS.map(() => 0)])) },
  appeals: { columns: [...APPEAL_COLUMNS], ...Object.fromEntries(APPEAL_GROUP_CODES.map((g) => [g, APPEAL_COLUMNS.map(() => 0)])) },
  fees: { applications: 0, amount_yuan: "0" },
  proactive: { normative_documents: { issued: 0, abolished: 0, in_force: 0 } },
} as unknown as Report));

/** A template modelled on published reports; the agency edits it. */
export const DEFAULT_NARRATIVE: Narrative = {
  overview:
    "{{年度}}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。\n" +
    "（一）主动公开。本年度新制发行政规范性文件{{规范性文件制发}}件，现行有效的行政规范性文件{{规范性文件现行有效}}件。\n" +
    "（二）依申请公开。全年共收到政府信息公开申请{{新收}}件，上年结转{{上年结转}}件；办结{{办结}}件，其中予以公开{{予以公开}}件、部分公开{{部分公开}}件、不予公开{{不予公开}}件、无法提供{{无法提供}}件、不予处理{{不予处理}}件、其他处理{{其他处理}}件；结转下年度继续办理{{结转下年}}件。\n" +
    "（三）政府信息管理。\n（四）政府信息公开平台建设。\n（五）监督保障。本年度发生政府信息公开行政复议案件{{行政复议}}件、行政诉讼案件{{行政诉讼}}件。",
  problems: "（一）存在的主要问题。\n（二）改进情况。",
  other: "本年度收取信息处理费{{收费件数}}件，金额{{收费金额}}元。",
};

/** Fills the placeholders; an unknown one stays visible as written, and is reported. */
export function renderNarrative(text: string, report: Report): { text: string; unknown: string[] } {
  const values = placeholderValues(report);
  const unknown: string[] = [];
  const out = text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) => {
    if (name in values) return values[name];
    unknown.push(name);
    return whole;
  });
  return { text: out, unknown };
}

/** All three sections with their placeholders filled. */
export function renderNarrativeSections(narrative: Narrative, report: Report): Narrative {
  return {
    overview: renderNarrative(narrative.overview, report).text,
    problems: renderNarrative(narrative.problems, report).text,
    other: renderNarrative(narrative.other, report).text,
  };
}
