import { z } from "zod";
import { ROLES } from "../auth/roles";

export const usernameSchema = z
  .string()
  .trim()
  .min(2, "用户名至少 2 个字符")
  .max(64, "用户名不超过 64 个字符")
  .regex(/^[A-Za-z0-9_.-]+$/, "用户名只能包含字母、数字、下划线、点和连字符");

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().max(50, "姓名不超过 50 个字").default(""),
  role: z.enum(ROLES, { message: "请选择角色" }),
  agencyCode: z.string().trim().min(1, "请选择所属机构"),
  password: z.string().min(1, "请填写初始密码"),
  mustChange: z.boolean().default(true),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ role: z.enum(ROLES, { message: "请选择角色" }) });

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "请填写当前密码"),
    next: z.string().min(1, "请填写新密码"),
    confirm: z.string().min(1, "请再次填写新密码"),
  })
  .refine((v) => v.next === v.confirm, { message: "两次填写的新密码不一致", path: ["confirm"] });
