import { YUAN_AMOUNT } from "../decimal";
import { z } from "zod";
import { isIsoDate } from "../dates";
import { optional, optionalText, pageNumberSchema, queryText } from "../validation";
import { APPLICANT_TYPES, CHANNELS, DELIVERY_METHODS, OUTCOMES, REQUEST_STATUSES, REQUESTED_FORMS } from "./codes";
import { creditCodeProblem, idNumberProblem, phoneProblem } from "./identity";
import { deriveReceiptDate } from "./receipt";

export const isoDateSchema = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), "日期格式应为 YYYY-MM-DD")
  .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isIsoDate(v), "日期不存在");

export const optionalDate = optional(isoDateSchema);

/** The longest value of each free-text field: the forms and the ledger import refuse longer ones. */
export const FIELD_MAX = {
  serial: 64,
  applicantName: 200,
  idNumber: 40,
  creditCode: 40,
  phone: 40,
  address: 300,
  email: 200,
  content: 10_000,
  replyNumber: 100,
  handler: 50,
  notes: 2000,
} as const;

/** The fields a clerk records about an application (registration and editing). */
const requestFields = z.object({
  serial: z.string().trim().min(1, "请填写编号").max(FIELD_MAX.serial, `编号不超过 ${FIELD_MAX.serial} 个字符`),
  applicantType: z.enum(APPLICANT_TYPES, { message: "请选择申请人类型" }),
  applicantName: z.string().trim().min(1, "请填写申请人姓名或名称").max(FIELD_MAX.applicantName, `申请人不超过 ${FIELD_MAX.applicantName} 个字`),
  idNumber: optionalText(FIELD_MAX.idNumber),
  creditCode: optionalText(FIELD_MAX.creditCode),
  phone: optionalText(FIELD_MAX.phone),
  address: optionalText(FIELD_MAX.address),
  email: optional(z.string().trim().max(FIELD_MAX.email, `不超过 ${FIELD_MAX.email} 个字`).email("电子邮箱格式不正确")),
  channel: z.enum(CHANNELS, { message: "请选择申请方式" }),
  arrivedDate: optionalDate,
  confirmedDate: optionalDate,
  receivedDate: optionalDate,
  receivedDateReason: optionalText(500),
  content: z.string().trim().min(1, "请填写申请内容").max(FIELD_MAX.content, `申请内容不超过 ${FIELD_MAX.content} 个字`),
  requestedForm: optional(z.enum(REQUESTED_FORMS, { message: "请选择提供形式" })),
  deliveryMethod: optional(z.enum(DELIVERY_METHODS, { message: "请选择获取方式" })),
  /** The handler: a user of the agency (issue 11). `handler` is the free text imported ledgers name. */
  handlerUserId: optionalText(64),
  handler: optionalText(FIELD_MAX.handler),
  notes: optionalText(FIELD_MAX.notes),
});

/** The fields of the form, each written on every save (a blank field clears what was stored). */
export const REQUEST_FIELD_NAMES = Object.keys(requestFields.shape) as (keyof z.infer<typeof requestFields>)[];

type Fields = z.infer<typeof requestFields>;

/**
 * Cross-field rules: check digits, and the receipt date of A3 — derived from the channel and
 * dates; a different date may be entered only with a reason. Adds the final `receivedDate`.
 * Whether a date is after today is the mutation's check: it is given today by its caller.
 */
function refineRequest(value: Fields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const idProblem = value.idNumber ? idNumberProblem(value.idNumber) : null;
  if (idProblem) issue("idNumber", idProblem);
  const creditProblem = value.creditCode ? creditCodeProblem(value.creditCode) : null;
  if (creditProblem) issue("creditCode", creditProblem);
  const telProblem = value.phone ? phoneProblem(value.phone) : null;
  if (telProblem) issue("phone", telProblem);

  const derived = deriveReceiptDate(value);
  if (!value.receivedDate && !derived.date) issue(derived.missing ?? "arrivedDate", derived.rule);
  if (value.receivedDate && derived.date && value.receivedDate !== derived.date && !value.receivedDateReason) {
    issue("receivedDateReason", `收到申请之日与按第三十一条推算的 ${derived.date} 不同，请说明理由`);
  }
  if (value.arrivedDate && value.confirmedDate && value.confirmedDate < value.arrivedDate) issue("confirmedDate", "确认日期不能早于收到日期");
}

export const createRequestSchema = requestFields.superRefine(refineRequest).transform((v) => ({
  ...v,
  receivedDate: (v.receivedDate ?? deriveReceiptDate(v).date) as string,
}));
export type CreateRequestInput = z.infer<typeof createRequestSchema>;

export const updateRequestSchema = requestFields
  .extend({ version: z.coerce.number().int().positive() })
  .superRefine(refineRequest)
  .transform((v) => ({ ...v, receivedDate: (v.receivedDate ?? deriveReceiptDate(v).date) as string }));
export type UpdateRequestInput = z.infer<typeof updateRequestSchema>;

export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** Recording how the request was answered (A1). */
export const concludeSchema = z
  .object({
    version: z.coerce.number().int().positive(),
    outcome: z.enum(OUTCOMES, { message: "请选择办理结果" }),
    concludedDate: isoDateSchema,
    replyNumber: optionalText(FIELD_MAX.replyNumber),
    withheldUnderExemptions: checkbox.default(false),
    partNotAvailable: checkbox.default(false),
    feeYuan: optional(z.string().trim().regex(YUAN_AMOUNT, "金额应为不超过两位小数的数字")),
    feePaidDate: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.feePaidDate && !v.feeYuan) ctx.addIssue({ code: "custom", path: ["feeYuan"], message: "填写了缴费日期，请填写收费金额" });
  });
export type ConcludeInput = z.infer<typeof concludeSchema>;

/** A withdrawal concludes as 其他处理·其他 on the day it was received (A1). */
export const withdrawSchema = z.object({
  version: z.coerce.number().int().positive(),
  withdrawnDate: isoDateSchema,
  reason: optionalText(500),
});

/**
 * A request's id as the routes and the bound arguments of Server Actions carry it (a UUID for
 * every request made here or imported; the pattern keeps any id the database holds).
 */
export const requestIdSchema = z.string({ message: "申请不存在" }).regex(/^[0-9A-Za-z_-]{1,64}$/, "申请不存在");

/** The register's filters, read from the query string (the one schema of /requests). */
export const SORTS = ["received_desc", "received_asc", "serial_asc", "serial_desc", "concluded_desc", "due_asc"] as const;
/** The due-date filters: past due, due within 5 or 2 working days (today included), clock stopped. */
export const DUE_FILTERS = ["overdue", "2", "5", "stopped"] as const;
export const DUE_FILTER_LABELS: Record<(typeof DUE_FILTERS)[number], string> = {
  overdue: "已逾期",
  "2": "2 个工作日内到期",
  "5": "5 个工作日内到期",
  stopped: "期限中止",
};
export const listFilterSchema = z.object({
  status: optional(z.enum(REQUEST_STATUSES)).catch(undefined),
  type: optional(z.enum(APPLICANT_TYPES)).catch(undefined),
  outcome: optional(z.enum([...OUTCOMES, "open"] as const)).catch(undefined),
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  cfrom: optionalDate.catch(undefined),
  cto: optionalDate.catch(undefined),
  handler: queryText(50),
  q: queryText(100),
  /** Only this agency (its code), within what the user may read: the report's drill-down. */
  agency: queryText(64),
  /** Still open after this day (not concluded on or before it): carried-in and carried-out cells. */
  openAfter: optionalDate.catch(undefined),
  due: optional(z.enum(DUE_FILTERS)).catch(undefined),
  sort: z.enum(SORTS).catch("received_desc").default("received_desc"),
  page: pageNumberSchema,
});
export type ListFilter = z.infer<typeof listFilterSchema>;
