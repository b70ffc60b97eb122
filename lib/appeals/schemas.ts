import { z } from "zod";
import { isoDateSchema } from "../requests/schemas";
import { optional, queryText } from "../validation";
import { APPEAL_KINDS, APPEAL_RESULTS, decisionResult } from "./codes";

/** Recording a case on the request page (A2): the decision, when recorded, decides the column. */
export const appealSchema = z
  .object({
    caseNumber: z.string().trim().min(1, "请填写案号").max(100, "案号不超过 100 个字符"),
    kind: z.enum(APPEAL_KINDS, { message: "请选择类型" }),
    afterReview: z.preprocess((v) => v === "true" || v === "on" || v === true, z.boolean()),
    filedDate: isoDateSchema,
    decidingBody: optional(z.string().trim().max(100, "不超过 100 个字")),
    decision: optional(z.string().trim().max(50)),
    result: z.enum(APPEAL_RESULTS, { message: "请选择结果" }),
    decidedDate: optional(isoDateSchema),
    /** The version of the case the form edited; absent for a new case. */
    version: optional(z.coerce.number().int().positive()),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.decision && !decisionResult(v.kind, v.decision)) issue("decision", "决定类型与案件类型不符");
    const result = v.decision ? decisionResult(v.kind, v.decision) : v.result;
    if (result !== "pending" && !v.decidedDate) issue("decidedDate", "已审结的案件须填写审结日期");
    if (result === "pending" && v.decidedDate) issue("decidedDate", "尚未审结的案件不填审结日期");
    if (v.decidedDate && v.decidedDate < v.filedDate) issue("decidedDate", "审结日期不能早于收案日期");
  })
  .transform((v) => ({ ...v, afterReview: v.kind === "suit" && v.afterReview, result: v.decision ? (decisionResult(v.kind, v.decision) ?? v.result) : v.result }));
export type AppealInput = z.infer<typeof appealSchema>;

/**
 * The query string of /appeals (its filters and the report's drill-down): each a bounded text
 * without control characters; listAppeals ignores a value it does not know.
 */
export const appealFilterSchema = z.object({
  kind: queryText(20),
  result: queryText(20),
  group: queryText(30),
  from: queryText(10),
  to: queryText(10),
  pendingAt: queryText(10),
  agency: queryText(64),
  counted: queryText(1),
});
