import { OUTCOMES } from "../requests/codes";
import type { Report } from "./types";

/**
 * Sections 一、五、六 are text the agency writes; the numbers they quote are placeholders
 * (`{{新收}}`) filled from the same computation as the tables, so text and tables cannot
 * disagree (A6).
 */
export type Narrative = { overview: string; problems: string; other: string };

const sum = (report: Report, prefix: string) => OUTCOMES.filter((o) => o.startsWith(prefix)).reduce((s, o) => s + report.applications.rows[o][6], 0);

export function placeholderValues(report: Report): Record<string, string> {
  const rows = report.applications.rows;
  const a = report.appeals;
  return {
    年度: String(report.year),
    新收: String(rows.new[6]),
    上年结转: String(rows.carried_in[6]),
    办结: String(rows.total[6]),
    结转下年: String(rows.carried_out[6]),
    予以公开: String(rows.disclose[6]),
    部分公开: String(rows.partial[6]),
    不予公开: String(sum(report, "withhold_")),
    无法提供: String(sum(report, "unable_")),
    不予处理: String(sum(report, "ignore_")),
    其他处理: String(sum(report, "other_")),
    行政复议: String(a.review[4]),
    复议纠正: String(a.review[1]),
    行政诉讼: String(a.suit_direct[4] + a.suit_after_review[4]),
    诉讼纠正: String(a.suit_direct[1] + a.suit_after_review[1]),
    收费件数: String(report.fees.applications),
    收费金额: report.fees.amount_yuan,
    规范性文件制发: String(report.proactive.normative_documents.issued),
    规范性文件现行有效: String(report.proactive.normative_documents.in_force),
  };
}

export const PLACEHOLDER_NAMES = Object.keys(placeholderValues({
  year: 0,
  applications: { columns: [], rows: Object.fromEntries(["new", "carried_in", "total", "carried_out", ...OUTCOMES].map((r) => [r, [0, 0, 0, 0, 0, 0, 0]])) },
  appeals: { columns: [], review: [0, 0, 0, 0, 0], suit_direct: [0, 0, 0, 0, 0], suit_after_review: [0, 0, 0, 0, 0] },
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
