/**
 * The enumerations of a request, each one `as const` array shared by the schema (drizzle),
 * validation (zod) and the UI labels. Codes and labels of the statutory table come from
 * report-format.json (a unit test keeps them equal); statuses from domain.md A7.
 */

export const APPLICANT_TYPES = ["natural", "commercial", "research", "social", "legal", "other"] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural: "自然人",
  commercial: "商业企业",
  research: "科研机构",
  social: "社会公益组织",
  legal: "法律服务机构",
  other: "其他",
};

export const CHANNELS = ["in_person", "mail", "online", "fax", "email", "other"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: "当面",
  mail: "信函",
  online: "网络",
  fax: "传真",
  email: "电子邮件",
  other: "其他",
};

export const OUTCOMES = [
  "disclose",
  "partial",
  "withhold_state_secret",
  "withhold_law",
  "withhold_security_stability",
  "withhold_third_party",
  "withhold_internal",
  "withhold_process",
  "withhold_enforcement_file",
  "withhold_query",
  "unable_not_held",
  "unable_need_creation",
  "unable_unclear",
  "ignore_petition",
  "ignore_repeat",
  "ignore_publication",
  "ignore_mass",
  "ignore_confirm",
  "other_no_supplement",
  "other_no_fee",
  "other_other",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REQUEST_STATUSES = [
  "registered",
  "in_progress",
  "awaiting_supplement",
  "consulting",
  "awaiting_fee",
  "pending_approval",
  "concluded",
  "voided",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  registered: "登记",
  in_progress: "办理中",
  awaiting_supplement: "待补正",
  consulting: "征求意见中",
  awaiting_fee: "待缴费",
  pending_approval: "待审核",
  concluded: "已办结",
  voided: "已作废",
};

/**
 * The kinds of timeline event, one code each (the unit of work appends exactly one per change).
 * `step: true` marks the steps of handling: once one is recorded the request is 办理中 (A7).
 */
export const EVENT_KINDS = {
  registered: { label: "登记", step: false },
  imported: { label: "由台账导入", step: true },
  updated: { label: "修改登记信息", step: false },
  concluded: { label: "办结", step: true },
  reconcluded: { label: "更正办理结果", step: true },
  withdrawn: { label: "撤回", step: true },
  supplement_notice: { label: "告知补正", step: true },
  supplemented: { label: "收到补正", step: true },
  paused: { label: "中止计算", step: true },
  pause_ended: { label: "中止结束", step: true },
  pause_removed: { label: "撤销中止记录", step: true },
  extended: { label: "延期", step: true },
  delayed: { label: "延迟答复", step: true },
  delivered: { label: "送达", step: true },
  appeal: { label: "复议诉讼", step: false },
  assigned: { label: "分办", step: false },
  accepted: { label: "签收", step: true },
  assignment_returned: { label: "退回分办", step: false },
  submitted: { label: "提交审批", step: true },
  approved: { label: "审核通过", step: true },
  approval_returned: { label: "退回修改", step: true },
  voided: { label: "作废", step: false },
} as const satisfies Record<string, { label: string; step: boolean }>;
export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_CODES = Object.keys(EVENT_KINDS) as [EventKind, ...EventKind[]];
export const STEP_EVENT_KINDS = (Object.keys(EVENT_KINDS) as EventKind[]).filter((k) => EVENT_KINDS[k].step);

/**
 * What waits for an approval (domain.md A8): a reply draft (拟办), an extension (Art 33), an Art 35
 * later reply date, a void. Only a reply goes through two levels when the agency sets two.
 */
export const APPROVAL_KINDS = ["reply", "extension", "delay", "void"] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = {
  reply: "答复审批",
  extension: "延期答复审批",
  delay: "延迟答复审批",
  void: "作废审批",
};
export const APPROVAL_STATUSES = ["pending", "approved", "returned", "withdrawn"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  pending: "待审批",
  approved: "已批准",
  returned: "已退回",
  withdrawn: "已撤回",
};
/** The name of each level: 审核, then 签发 (the agency head's delegate) when two are set. */
export const APPROVAL_LEVEL_LABELS = ["审核", "签发"] as const;

/** 政府信息的提供形式 (the form the applicant asks for, Art 29(三), Art 40). */
export const REQUESTED_FORMS = ["paper", "electronic", "disc", "other"] as const;
export type RequestedForm = (typeof REQUESTED_FORMS)[number];
export const REQUESTED_FORM_LABELS: Record<RequestedForm, string> = {
  paper: "纸质文本",
  electronic: "电子文档",
  disc: "光盘/存储介质",
  other: "其他",
};

/** 获取信息的方式. */
export const DELIVERY_METHODS = ["post", "email", "pickup", "onsite", "fax", "online"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  post: "邮寄",
  email: "电子邮件",
  pickup: "自行领取",
  onsite: "当场阅读、抄录",
  fax: "传真",
  online: "网上获取",
};
