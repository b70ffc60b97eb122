import { z } from "zod";
import { optional } from "../validation";
import { APPLICANT_TYPES, CHANNELS } from "./codes";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "日期不存在");

const optionalText = (max: number) => optional(z.string().trim().max(max, `不超过 ${max} 个字`));

/** Registering a request (the registration form of the register issue extends this). */
export const createRequestSchema = z.object({
  serial: z.string().trim().min(1, "请填写编号").max(64, "编号不超过 64 个字符"),
  receivedDate: isoDate,
  channel: z.enum(CHANNELS, { message: "请选择申请方式" }).optional(),
  applicantType: z.enum(APPLICANT_TYPES, { message: "请选择申请人类型" }),
  applicantName: z.string().trim().min(1, "请填写申请人").max(200, "申请人不超过 200 个字"),
  idNumber: optionalText(40),
  creditCode: optionalText(40),
  phone: optionalText(40),
  address: optionalText(300),
  email: optionalText(200),
  content: z.string().trim().min(1, "请填写申请内容").max(10_000, "申请内容不超过 10000 个字"),
  handler: optionalText(50),
});
export type CreateRequestInput = z.infer<typeof createRequestSchema>;
