import type { Channel } from "./codes";

/**
 * The legal receipt date of Art 31 (domain.md A3), derived from what the clerk records:
 * in person — the day submitted; mail — the day signed for, or for unsigned mail the day the
 * agency confirmed with the applicant; online, e-mail, fax — the day both sides confirmed.
 */
export type ReceiptInput = { channel?: Channel | null; arrivedDate?: string | null; confirmedDate?: string | null };
export type ReceiptResult = { date: string | null; rule: string; missing?: "arrivedDate" | "confirmedDate" };

export function deriveReceiptDate({ channel, arrivedDate, confirmedDate }: ReceiptInput): ReceiptResult {
  const arrived = arrivedDate || null;
  const confirmed = confirmedDate || null;
  switch (channel) {
    case "mail":
      if (confirmed) return { date: confirmed, rule: "平常信函：以与申请人确认之日为收到申请之日（第三十一条第二项）" };
      if (arrived) return { date: arrived, rule: "邮寄签收：以签收之日为收到申请之日（第三十一条第二项）" };
      return { date: null, rule: "信函申请须填写签收日期，或平常信函的确认日期", missing: "arrivedDate" };
    case "online":
    case "email":
    case "fax":
      if (confirmed) return { date: confirmed, rule: "互联网渠道或传真：以双方确认之日为收到申请之日（第三十一条第三项）" };
      return { date: null, rule: "网络、电子邮件或传真申请须填写双方确认日期", missing: "confirmedDate" };
    case "in_person":
      if (arrived) return { date: arrived, rule: "当面提交：以提交之日为收到申请之日（第三十一条第一项）" };
      return { date: null, rule: "当面申请须填写提交日期", missing: "arrivedDate" };
    default:
      if (arrived || confirmed) return { date: confirmed ?? arrived, rule: "其他方式：以确认之日（未确认的以收到之日）为收到申请之日" };
      return { date: null, rule: "请填写收到日期", missing: "arrivedDate" };
  }
}
