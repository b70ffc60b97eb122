/** Appeals (domain.md A2): kinds, report columns, and the detailed decisions that decide the column. */

export const APPEAL_KINDS = ["review", "suit"] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = { review: "行政复议", suit: "行政诉讼" };

/** The group of table 四 a case is counted in (A2): 行政复议, 未经复议直接起诉 or 复议后起诉. */
export type AppealGroup = "review" | "suit_direct" | "suit_after_review";
export function appealGroupOf(kind: AppealKind, afterReview: boolean): AppealGroup {
  return kind === "review" ? "review" : afterReview ? "suit_after_review" : "suit_direct";
}

export const APPEAL_RESULTS = ["upheld", "corrected", "other", "pending"] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = { upheld: "维持", corrected: "纠正", other: "其他", pending: "尚未审结" };

/** The decision names of A2 and the column each decides, per kind. */
export const REVIEW_DECISIONS: Record<string, Exclude<AppealResult, "pending">> = {
  维持决定: "upheld",
  驳回复议请求: "upheld",
  撤销: "corrected",
  部分撤销: "corrected",
  变更: "corrected",
  确认违法: "corrected",
  确认无效: "corrected",
  责令履行: "corrected",
  驳回复议申请: "other",
  终止: "other",
  调解: "other",
  和解: "other",
};

export const SUIT_DECISIONS: Record<string, Exclude<AppealResult, "pending">> = {
  判决驳回诉讼请求: "upheld",
  驳回诉讼请求: "upheld",
  撤销: "corrected",
  部分撤销: "corrected",
  履行: "corrected",
  变更: "corrected",
  确认违法: "corrected",
  确认无效: "corrected",
  不予立案: "other",
  驳回起诉: "other",
  准许撤诉: "other",
  终结: "other",
};

export function decisionResult(kind: AppealKind, decision: string): Exclude<AppealResult, "pending"> | null {
  const table = kind === "review" ? REVIEW_DECISIONS : SUIT_DECISIONS;
  return table[decision.trim()] ?? null;
}

/**
 * The agency's own deadline in a case (A2): a reconsideration reply within 10 calendar days, a
 * defence within 15, counted here from the filing date recorded (the day the copy arrives may
 * be later).
 */
export function agencyDeadline(kind: AppealKind, filedDate: string): string {
  const days = kind === "review" ? 10 : 15;
  const d = new Date(`${filedDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${kind === "review" ? "答复" : "答辩"} ${d.toISOString().slice(0, 10)} 前`;
}
