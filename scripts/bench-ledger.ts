/** A synthetic request ledger in the import format (CSV), as a clerk's file would hold it: personal data, concluded and open rows. */
import { APPLICANT_TYPES, CHANNELS, OUTCOMES } from "../lib/requests/codes";

const WORDS = ["规划", "拆迁", "补偿", "环评", "批复", "预算", "采购", "合同", "土地", "征收", "道路", "学校", "医院", "项目", "文件"];
const HEADERS = ["serial", "received_date", "channel", "applicant_type", "applicant_name", "id_number", "phone", "content", "outcome", "concluded_date", "handler"];

/** A resident ID number with a valid birth date and check digit (GB 11643). */
function residentId(i: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 18_000) * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const body = `110105${birth}${String(i % 1000).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, n) => total + Number(digit) * weights[n], 0);
  return body + "10X98765432"[sum % 11];
}

/** `rows` requests received in `year`, serials prefixed by `prefix`; `badLast` makes the last row invalid (an impossible date). */
export function syntheticLedgerCsv(rows: number, options: { year: number; prefix: string; badLast?: boolean }): Buffer {
  const lines = [HEADERS.join(",")];
  // Receipts on weekdays of February–November, replies within two weeks: a ledger with few warnings, as most are.
  const days: number[] = [];
  for (let d = Date.UTC(options.year, 1, 1); d < Date.UTC(options.year, 11, 1); d += 86_400_000) {
    const weekday = new Date(d).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(d);
  }
  for (let i = 0; i < rows; i++) {
    const day = days[i % days.length];
    const received = new Date(day).toISOString().slice(0, 10);
    const open = i % 20 === 0;
    const concluded = open ? "" : new Date(day + (7 + (i % 7)) * 86_400_000).toISOString().slice(0, 10);
    const natural = i % 3 !== 0;
    lines.push(
      [
        `${options.prefix}-${String(i + 1).padStart(6, "0")}`,
        options.badLast && i === rows - 1 ? `${options.year}-02-30` : received,
        CHANNELS[i % CHANNELS.length],
        natural ? "natural" : APPLICANT_TYPES[1 + (i % 5)],
        natural ? `申请人${i % 9000}` : `某某公司${i % 900}`,
        natural ? residentId(i) : "",
        `138${String(i).padStart(8, "0")}`,
        `申请公开${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]}相关信息第${i}号`,
        open ? "" : OUTCOMES[i % OUTCOMES.length],
        concluded,
        `承办人${i % 40}`,
      ].join(","),
    );
  }
  return Buffer.from(lines.join("\n") + "\n");
}
