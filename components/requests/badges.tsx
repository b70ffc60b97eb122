import { REQUEST_STATUS_LABELS, type RequestStatus } from "@/lib/requests/codes";

const STATUS_STYLE: Record<RequestStatus, string> = {
  registered: "bg-sky-50 text-sky-800 border-sky-200",
  in_progress: "bg-blue-50 text-blue-800 border-blue-200",
  awaiting_supplement: "bg-amber-50 text-amber-800 border-amber-200",
  consulting: "bg-violet-50 text-violet-800 border-violet-200",
  awaiting_fee: "bg-amber-50 text-amber-800 border-amber-200",
  pending_approval: "bg-orange-50 text-orange-800 border-orange-200",
  concluded: "bg-slate-100 text-slate-700 border-slate-200",
  voided: "bg-white text-slate-500 border-slate-300 line-through",
};

export function StatusBadge({ status, testId }: { status: RequestStatus; testId?: string }) {
  return <span data-testid={testId} className={`badge ${STATUS_STYLE[status]}`}>{REQUEST_STATUS_LABELS[status]}</span>;
}

/** How urgent a due date is: working days left (negative: overdue). 5 and 2 are the warning thresholds of A4. */
function urgency(left: number): { text: string; style: string } {
  if (left < 0) return { text: `逾期 ${-left} 个工作日`, style: "bg-red-600 text-white border-red-700" };
  if (left === 0) return { text: "今日到期", style: "bg-red-50 text-red-800 border-red-300" };
  if (left <= 2) return { text: `剩 ${left} 个工作日`, style: "bg-orange-50 text-orange-800 border-orange-300" };
  if (left <= 5) return { text: `剩 ${left} 个工作日`, style: "bg-amber-50 text-amber-800 border-amber-200" };
  return { text: `剩 ${left} 个工作日`, style: "bg-white text-slate-600 border-slate-200" };
}

export function DueBadge({ left }: { left: number }) {
  const { text, style } = urgency(left);
  return (
    <span data-testid="due-badge" className={`badge ${style}`}>
      {text}
    </span>
  );
}

/** The register's due-date cell: the date, how long is left, 暂定 when it rests on a provisional calendar. */
export function DueCell({ dueDate, provisional, stopped, left }: { dueDate: string | null; provisional: boolean; stopped: boolean; left: number | null }) {
  if (stopped) return <span className="whitespace-nowrap text-xs text-violet-700">期限中止</span>;
  if (!dueDate) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex flex-col items-start gap-0.5">
      <span className="whitespace-nowrap">
        {dueDate}
        {provisional ? <span className="ml-1 text-xs text-amber-700" title="该年放假安排尚未录入，按法定节假日暂定">暂定</span> : null}
      </span>
      {left !== null ? <DueBadge left={left} /> : null}
    </span>
  );
}
