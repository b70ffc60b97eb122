import { OUTCOME_GROUPS } from "../requests/outcomes";
import { appealCell, applicationCell } from "./layout";
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

/**
 * The placeholders a narrative may use: an explicit list, looked up as it is (never as an
 * object's keys, where `{{constructor}}` found Object.prototype's). Anything else in `{{…}}` is
 * refused when the text is saved and when the report is finalized (issue 13, item 6).
 */
export const PLACEHOLDER_NAMES = [
  "年度",
  "新收",
  "上年结转",
  "办结",
  "结转下年",
  "予以公开",
  "部分公开",
  "不予公开",
  "无法提供",
  "不予处理",
  "其他处理",
  "行政复议",
  "复议纠正",
  "行政诉讼",
  "诉讼纠正",
  "收费件数",
  "收费金额",
  "规范性文件制发",
  "规范性文件现行有效",
] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

export function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDER_NAMES as readonly string[]).includes(name);
}

/** The sections the agency writes, with their headings in the national layout. */
export const NARRATIVE_SECTIONS = [
  ["overview", "一、总体情况"],
  ["problems", "五、存在的主要问题及改进情况"],
  ["other", "六、其他需要报告的事项"],
] as const satisfies readonly (readonly [keyof Narrative, string])[];

export function placeholderValues(report: Report): Record<PlaceholderName, string> {
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

/** Every `{{…}}` of a text, the name inside trimmed (`{{ 新收 }}` is 新收; `{{新收 件数}}` is one unknown name). */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The names in `{{…}}` that are not placeholders, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1].trim());
  return [...new Set(names.filter((name) => !isPlaceholderName(name)))];
}

/** The first unknown placeholder of a narrative and the section it is in, or null. */
export function firstUnknownPlaceholder(narrative: Narrative): { section: keyof Narrative; label: string; name: string } | null {
  for (const [section, label] of NARRATIVE_SECTIONS) {
    const [name] = unknownPlaceholders(narrative[section]);
    if (name !== undefined) return { section, label, name };
  }
  return null;
}

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
  const out = text.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = inner.trim();
    if (isPlaceholderName(name)) return values[name];
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
