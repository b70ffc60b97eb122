import format from "../reports/report-format.json";
import { labelKey } from "../labels";
import { type Outcome, OUTCOMES } from "./codes";

/**
 * The 21 outcome rows of table 三 and the rules of choosing one (domain.md A1). Labels come
 * from report-format.json, the one table of codes.
 */

type FormatRow = { code?: string; label?: string; group?: string };
const ROWS = format.applications.rows as FormatRow[];

export const OUTCOME_LABELS = Object.fromEntries(OUTCOMES.map((code) => [code, ROWS.find((r) => r.code === code)?.label ?? code])) as Record<
  Outcome,
  string
>;

/** 予以公开, 属于国家秘密, … : the label without its numbering or the note in brackets. */
export function plainOutcomeLabel(code: Outcome): string {
  return OUTCOME_LABELS[code]
    .replace(/^（[一二三四五六七]）/, "")
    .replace(/^\d+[.、]/, "")
    .replace(/（.*）$/, "");
}

export type OutcomeGroup = { key: string; label: string; outcomes: readonly Outcome[] };

/**
 * The six groups of table 三's outcome rows, as report-format.json nests them: a row directly
 * under 三、本年度办理结果 (予以公开, 部分公开) is a group of its own; the rows under
 * （三）不予公开 … （六）其他处理 form theirs. The key is the group's numbering in the format.
 */
export const OUTCOME_GROUPS: readonly OutcomeGroup[] = (() => {
  const groups: { key: string; label: string; outcomes: Outcome[] }[] = [];
  for (const row of ROWS) {
    if (!row.code || !(OUTCOMES as readonly string[]).includes(row.code)) continue;
    const code = row.code as Outcome;
    const nested = row.group?.startsWith("（") ?? false;
    const heading = nested ? (row.group as string) : (row.label as string);
    const key = /^（([一二三四五六七])）/.exec(heading)?.[1] ?? heading;
    const last = groups.at(-1);
    if (nested && last?.key === key) last.outcomes.push(code);
    else groups.push({ key, label: heading.replace(/^（[一二三四五六七]）/, "").replace(/（.*）$/, ""), outcomes: [code] });
  }
  return groups;
})();

/** The rows whose reply provides information; what was withheld decides between them (A1). */
export const DISCLOSURE_OUTCOMES = ["disclose", "partial"] as const satisfies readonly Outcome[];
export const isDisclosure = (outcome: string): boolean => (DISCLOSURE_OUTCOMES as readonly string[]).includes(outcome);

export function outcomeGroupOf(outcome: Outcome) {
  return OUTCOME_GROUPS.find((g) => (g.outcomes as readonly Outcome[]).includes(outcome))!;
}

/**
 * Reads an outcome as a ledger gives it: the code, or its label with or without numbering and
 * note (compared by labelKey: 部分公开 is `partial`, 其他 is `other_other`). A group's name
 * (不予公开) is refused with the rows it could mean; anything else with every accepted value.
 */
export function readOutcome(value: string): { outcome: Outcome } | { zh: string; en: string } {
  const v = value.trim();
  if ((OUTCOMES as readonly string[]).includes(v)) return { outcome: v as Outcome };
  const key = labelKey(v);
  const found = OUTCOMES.find((code) => labelKey(OUTCOME_LABELS[code]) === key || labelKey(plainOutcomeLabel(code)) === key);
  if (found) return { outcome: found };
  const group = OUTCOME_GROUPS.find((g) => g.outcomes.length > 1 && labelKey(g.label) === key);
  if (group) {
    return {
      zh: `「${v}」是分组名称，请填写其中一项：${group.outcomes.map(plainOutcomeLabel).join("、")}`,
      en: `${v} names a group of outcomes; give one of: ${group.outcomes.join(", ")}`,
    };
  }
  return { zh: `无法识别的办理结果「${v}」，可填：${OUTCOMES.map(plainOutcomeLabel).join("、")}`, en: `unknown outcome ${v}; accepted: ${OUTCOMES.join(", ")}` };
}

/**
 * A1 "choosing the row": what was provided and what was withheld decide between 予以公开 and
 * 部分公开. Returns a Chinese message when the choice breaks the rule, else null.
 */
export type DisclosureFacts = { withheldUnderExemptions: boolean; partNotAvailable: boolean };

export function outcomeProblem(outcome: Outcome, facts: DisclosureFacts): string | null {
  if (outcome === "disclose" && facts.withheldUnderExemptions) {
    return "部分内容依据第十四、十五、十六条不予公开的，应计为“部分公开”（第三十七条区分处理）";
  }
  if (outcome === "partial" && !facts.withheldUnderExemptions && !facts.partNotAvailable) {
    return "部分公开须有不予公开的部分，或有部分信息不存在、不属于本机关";
  }
  return null;
}

const REGULATION = "《中华人民共和国政府信息公开条例》";

/**
 * The legal basis a reply on each row rests on (domain.md Part B's mapping, 2019 条例), proposed
 * in the 拟办 form; the handler may edit it and the text stored is the draft's.
 */
export const LEGAL_BASIS: Record<Outcome, string> = {
  disclose: `${REGULATION}第三十六条第（二）项`,
  partial: `${REGULATION}第三十七条、第三十六条第（三）项`,
  withhold_state_secret: `${REGULATION}第十四条、第三十六条第（三）项（国家秘密）`,
  withhold_law: `${REGULATION}第十四条、第三十六条第（三）项（法律、行政法规禁止公开）`,
  withhold_security_stability: `${REGULATION}第十四条、第三十六条第（三）项（危及国家安全、公共安全、经济安全、社会稳定）`,
  withhold_third_party: `${REGULATION}第十五条、第三十二条、第三十六条第（三）项`,
  withhold_internal: `${REGULATION}第十六条第一款、第三十六条第（三）项（内部事务信息）`,
  withhold_process: `${REGULATION}第十六条第二款、第三十六条第（三）项（过程性信息）`,
  withhold_enforcement_file: `${REGULATION}第十六条第二款、第三十六条第（三）项（行政执法案卷信息）`,
  withhold_query: `${REGULATION}第三十六条第（七）项`,
  unable_not_held: `${REGULATION}第三十六条第（四）项`,
  unable_need_creation: `${REGULATION}第三十八条`,
  unable_unclear: `${REGULATION}第三十条`,
  ignore_petition: `${REGULATION}第三十九条第一款`,
  ignore_repeat: `${REGULATION}第三十六条第（六）项`,
  ignore_publication: `${REGULATION}第三十九条第二款`,
  ignore_mass: `${REGULATION}第三十五条`,
  ignore_confirm: `${REGULATION}第二条、第三十八条`,
  other_no_supplement: `${REGULATION}第三十条`,
  other_no_fee: `${REGULATION}第四十二条、《政府信息公开信息处理费管理办法》`,
  other_other: "",
};

/**
 * The endings the handler records on its own date, without approval (A8): a request deemed
 * abandoned (补正 or fee period lapsed); a withdrawal has its own form. Every other row is a
 * reply, issued only after the last approval.
 */
export const ABANDONMENT_OUTCOMES = ["other_no_supplement", "other_no_fee"] as const satisfies readonly Outcome[];
export const isAbandonment = (outcome: string): boolean => (ABANDONMENT_OUTCOMES as readonly string[]).includes(outcome);
