/** Codes of the statutory clock (domain.md A4), shared by the schema, the engine and the forms. */
export const PAUSE_KINDS = ["third_party", "other_agency", "fee"] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];
export const PAUSE_KIND_LABELS: Record<PauseKind, string> = {
  third_party: "征求第三方意见（条例第三十二条）",
  other_agency: "征求其他机关意见（条例第三十四条）",
  fee: "缴纳信息处理费",
};
export const REPLY_DELIVERIES = ["direct", "entrusted", "post", "electronic"] as const;
export type ReplyDelivery = (typeof REPLY_DELIVERIES)[number];
export const REPLY_DELIVERY_LABELS: Record<ReplyDelivery, string> = {
  direct: "直接送达",
  entrusted: "委托送达",
  post: "邮寄送达",
  electronic: "电子送达",
};
/** Which day counts as delivered, by the delivery rule of A4. */
export const REPLY_DELIVERY_DAY: Record<ReplyDelivery, string> = {
  direct: "申请人签收之日",
  entrusted: "申请人签收之日",
  post: "交邮之日",
  electronic: "发送之日",
};

