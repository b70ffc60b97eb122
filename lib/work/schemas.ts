import { z } from "zod";
import { OUTCOMES } from "../requests/codes";
import { checkbox, FIELD_MAX, isoDateSchema } from "../requests/schemas";
import { optional, optionalText } from "../validation";

/** The forms of the work on a request (domain.md A8), read by the Server Actions and lib/work. */

const version = z.coerce.number().int().positive();
const reason = (label: string) => z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(500, `${label}不超过 500 个字`);

export const assignSchema = z.object({ version, handlerUserId: z.string({ message: "请选择承办人" }).trim().min(1, "请选择承办人").max(64) });
export type AssignInput = z.infer<typeof assignSchema>;

export const acceptSchema = z.object({ version });

export const returnAssignmentSchema = z.object({ version, reason: reason("退回理由") });

/** 拟办: the outcome row (A1), its legal basis and the reply's text; the issue date is the last approval's day. */
export const draftSchema = z.object({
  version,
  outcome: z.enum(OUTCOMES, { message: "请选择办理结果" }),
  withheldUnderExemptions: checkbox.default(false),
  partNotAvailable: checkbox.default(false),
  legalBasis: z.string({ message: "请填写法律依据" }).trim().min(1, "请填写法律依据").max(500, "法律依据不超过 500 个字"),
  replyText: z.string({ message: "请填写答复内容" }).trim().min(1, "请填写答复内容").max(20_000, "答复内容不超过 20000 个字"),
  replyNumber: optionalText(FIELD_MAX.replyNumber),
});
export type DraftInput = z.infer<typeof draftSchema>;

export const extensionRequestSchema = z.object({
  version,
  extensionDays: z.coerce
    .number({ message: "延长天数应为 1 至 20 的整数" })
    .int("延长天数应为 1 至 20 的整数")
    .min(1, "延长天数应为 1 至 20 的整数")
    .max(20, "延长答复期限最长不超过 20 个工作日"),
  reason: reason("延期理由"),
});
export type ExtensionRequestInput = z.infer<typeof extensionRequestSchema>;

export const delayRequestSchema = z.object({ version, delayedReplyDate: isoDateSchema, reason: reason("延迟答复理由") });
export type DelayRequestInput = z.infer<typeof delayRequestSchema>;

export const voidRequestSchema = z.object({ version, reason: reason("作废理由") });

export const decisionSchema = z
  .object({
    approvalVersion: z.coerce.number().int().positive(),
    decision: z.enum(["approve", "return"], { message: "请选择审批意见" }),
    comment: optional(z.string().trim().max(500, "意见不超过 500 个字")),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "return" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "退回时请填写退回理由" });
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

/** What a pending approval proposes, by kind (stored as its payload). */
export type ReplyProposal = Omit<DraftInput, "version">;
export type ExtensionProposal = { extensionDays: number };
export type DelayProposal = { delayedReplyDate: string };

/** An approval's id as a bound argument carries it (a UUID). */
export const approvalIdSchema = z.string({ message: "审批事项不存在" }).regex(/^[0-9A-Za-z_-]{1,64}$/, "审批事项不存在");
