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
