import { z } from "zod";
import { optionalText } from "../validation";
import { PAUSE_KINDS, REPLY_DELIVERIES } from "../calendar/codes";
import { isoDateSchema, optionalDate } from "../requests/schemas";

const version = z.coerce.number().int().positive();
const person = z.string().trim().min(1, "请填写批准人（公开工作机构负责人）").max(50, "不超过 50 个字");

export const pauseSchema = z.object({
  version,
  pauseKind: z.enum(PAUSE_KINDS, { message: "请选择中止事由" }),
  pauseFrom: isoDateSchema,
  pauseTo: optionalDate,
  /** Art 32: the day the third party received the letter; its 15 working days run from it. */
  letterReceivedDate: optionalDate,
  pauseNote: optionalText(500),
});
export type PauseInput = z.infer<typeof pauseSchema>;

export const endPauseSchema = z.object({ version, pauseId: z.string().min(1), pauseEnd: isoDateSchema });
export const removePauseSchema = z.object({ version, pauseId: z.string().min(1), removeReason: z.string().trim().min(1, "请填写撤销理由").max(500, "不超过 500 个字") });

export const extensionSchema = z.object({
  version,
  extensionDays: z.coerce.number({ message: "延长天数应为 1 至 20 的整数" }).int("延长天数应为 1 至 20 的整数").min(1, "延长天数应为 1 至 20 的整数").max(20, "延长答复期限最长不超过 20 个工作日"),
  extensionApprovedBy: person,
  extensionApprovedDate: isoDateSchema,
  extensionNoticeDate: isoDateSchema,
});
export type ExtensionInput = z.infer<typeof extensionSchema>;

export const delaySchema = z.object({ version, delayedReplyDate: isoDateSchema, delayedNoticeDate: isoDateSchema });
export type DelayInput = z.infer<typeof delaySchema>;

export const supplementNoticeSchema = z.object({ version, supplementNoticeDate: isoDateSchema, supplementDeadline: isoDateSchema });
export type SupplementNoticeInput = z.infer<typeof supplementNoticeSchema>;

export const supplementedSchema = z.object({ version, supplementedDate: isoDateSchema });

export const deliverySchema = z.object({
  version,
  replyDelivery: z.enum(REPLY_DELIVERIES, { message: "请选择送达方式" }),
  replyDeliveredDate: isoDateSchema,
});
export type DeliveryInput = z.infer<typeof deliverySchema>;
