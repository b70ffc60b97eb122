import Link from "next/link";
import { agencyDeadline, APPEAL_KIND_LABELS, appealGroupOf, APPEAL_RESULT_LABELS, type AppealKind, type AppealResult } from "@/lib/appeals/codes";
import { APPEAL_GROUP_LABELS } from "@/lib/reports/layout";

type Row = {
  id: string;
  caseNumber: string;
  kind: AppealKind;
  afterReview: boolean;
  filedDate: string;
  decision: string | null;
  result: AppealResult;
  decidedDate: string | null;
  requestId: string;
  requestSerial?: string;
};

/** The cases as the appeals list and a request's page show them, with the agency's own deadline (A2). */
export function AppealsTable({ rows, testId, showRequest = false, editBase }: { rows: Row[]; testId: string; showRequest?: boolean; /** Where 修改 links go (`<editBase>?appeal=<id>`); none: no links. */ editBase?: string }) {
  const cell = "px-2 py-1.5";
  return (
    <table className="w-full border-collapse bg-white text-sm" data-testid={testId}>
      <thead>
        <tr className="border-b border-slate-300 bg-slate-100 text-left">
          {["案号", "类型", ...(showRequest ? ["申请编号"] : []), "收案日期", "本机关期限", "决定类型", "结果", "审结日期", ...(editBase ? [""] : [])].map((h) => (
            <th key={h || "edit"} className="px-2 py-2 font-medium">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} data-appeal-id={a.id} className="border-b border-slate-200">
            <td className={cell}>{a.caseNumber}</td>
            <td className={cell}>
              {APPEAL_KIND_LABELS[a.kind]}
              {a.kind === "suit" ? <span className="ml-1 text-xs text-slate-500">{APPEAL_GROUP_LABELS[appealGroupOf(a.kind, a.afterReview)]}</span> : null}
            </td>
            {showRequest ? (
              <td className={cell}>
                <Link href={`/requests/${a.requestId}`} className="font-mono text-brand-700 underline">
                  {a.requestSerial}
                </Link>
              </td>
            ) : null}
            <td className={cell}>{a.filedDate}</td>
            <td className={`${cell} text-slate-600`}>{agencyDeadline(a.kind, a.filedDate)}</td>
            <td className={cell}>{a.decision ?? ""}</td>
            <td className={cell}>{APPEAL_RESULT_LABELS[a.result]}</td>
            <td className={cell}>{a.decidedDate ?? ""}</td>
            {editBase ? (
              <td className={cell}>
                <Link href={`${editBase}?appeal=${a.id}#appeal-form`} className="text-brand-700 underline">
                  修改
                </Link>
              </td>
            ) : null}
          </tr>
        ))}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={7 + (showRequest ? 1 : 0) + (editBase ? 1 : 0)} className="px-3 py-6 text-center text-slate-500">
              没有案件
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
