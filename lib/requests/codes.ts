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
};

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
