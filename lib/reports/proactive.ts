import { z } from "zod";
import { normalizeDecimal } from "../decimal";

/** Section 二 figures (report-format.json `proactive`): entered per agency and year. */
const count = z.coerce.number({ message: "应为数字" }).int("应为整数").min(0, "不能为负数");
const documents = z.object({ issued: count.default(0), abolished: count.default(0), in_force: count.default(0) }).default({ issued: 0, abolished: 0, in_force: 0 });
const decisions = z.object({ decisions: count.default(0) }).default({ decisions: 0 });
const amount = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const d = normalizeDecimal(v);
    if (d === null) {
      ctx.addIssue({ code: "custom", message: "金额应为非负的十进制数（单位：万元）" });
      return z.NEVER;
    }
    return d;
  });

export const proactiveSchema = z.object({
  rules: documents,
  normative_documents: documents,
  licensing: decisions,
  penalty: decisions,
  enforcement: decisions,
  admin_fees: z.object({ amount_10k_yuan: amount.default("0") }).default({ amount_10k_yuan: "0" }),
});
export type Proactive = z.infer<typeof proactiveSchema>;

export const EMPTY_PROACTIVE: Proactive = proactiveSchema.parse({});
