import { z } from "zod";
import { optional } from "../validation";

export const agencyCodeSchema = z
  .string()
  .trim()
  .min(1, "请填写机构代码")
  .max(64, "机构代码不超过 64 个字符")
  .regex(/^[A-Za-z0-9_.-]+$/, "机构代码只能包含字母、数字、下划线、点和连字符");

export const agencySchema = z.object({
  code: agencyCodeSchema,
  name: z.string().trim().min(1, "请填写机构名称").max(100, "机构名称不超过 100 个字"),
  parentCode: optional(z.string().trim()),
});
export type AgencyInput = z.infer<typeof agencySchema>;

export const renameAgencySchema = agencySchema.pick({ name: true }).extend({ id: z.string().min(1) });

const workdays = (label: string) =>
  z.coerce.number({ message: `${label}应为 1 至 20 的整数` }).int(`${label}应为 1 至 20 的整数`).min(1, `${label}应为 1 至 20 的整数`).max(20, `${label}应为 1 至 20 的整数`);

/** An agency's settings (domain.md A8): thresholds, approval levels, who assigns, the short name for document numbers. */
export const agencySettingsSchema = z
  .object({
    version: z.coerce.number().int().min(0),
    shortName: optional(z.string().trim().max(20, "机关简称不超过 20 个字")),
    dueSoonDays: workdays("即将到期天数"),
    dueUrgentDays: workdays("紧急天数"),
    approvalLevels: z.enum(["1", "2"], { message: "请选择审批层级" }).transform(Number),
    clerkMayAssign: z.enum(["on"]).optional().transform((v) => v === "on"),
  })
  .refine((v) => v.dueUrgentDays < v.dueSoonDays, { message: "紧急天数应少于即将到期天数", path: ["dueUrgentDays"] });
export type AgencySettingsInput = z.infer<typeof agencySettingsSchema>;
