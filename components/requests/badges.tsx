import { REQUEST_STATUS_LABELS, type RequestStatus } from "@/lib/requests/codes";

const STATUS_STYLE: Record<RequestStatus, string> = {
  registered: "bg-sky-50 text-sky-800 border-sky-200",
  in_progress: "bg-blue-50 text-blue-800 border-blue-200",
  awaiting_supplement: "bg-amber-50 text-amber-800 border-amber-200",
  consulting: "bg-violet-50 text-violet-800 border-violet-200",
  awaiting_fee: "bg-amber-50 text-amber-800 border-amber-200",
  pending_approval: "bg-orange-50 text-orange-800 border-orange-200",
  concluded: "bg-slate-100 text-slate-700 border-slate-200",
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs ${STATUS_STYLE[status]}`}>{REQUEST_STATUS_LABELS[status]}</span>;
}
