import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell";
import { DueCell, StatusBadge } from "@/components/requests/badges";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, REQUEST_STATUS_LABELS, REQUEST_STATUSES } from "@/lib/requests/codes";
import { OUTCOME_GROUPS, OUTCOME_LABELS } from "@/lib/requests/outcomes";
import { listHandlers, listRequests } from "@/lib/requests/queries";
import { todayInChina } from "@/lib/time";
import { firstValues } from "@/lib/validation";
import { DUE_FILTER_LABELS, DUE_FILTERS, listFilterSchema, SORTS } from "@/lib/requests/schemas";

export const metadata: Metadata = { title: "申请登记簿" };

const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  received_desc: "收到日期（新→旧）",
  received_asc: "收到日期（旧→新）",
  serial_asc: "编号（升序）",
  serial_desc: "编号（降序）",
  concluded_desc: "办结日期（新→旧）",
  due_asc: "答复期限（近→远）",
};

const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("requests.read");
  const actor = toActor(user);
  const filter = listFilterSchema.parse(firstValues(await searchParams));
  const { rows, total, capped, page, pageSize } = listRequests(actor, filter, todayInChina());
  const handlers = listHandlers(actor);
  // The links keep the filters as parsed, never the raw query string.
  const kept = Object.fromEntries(Object.entries(filter).flatMap(([k, v]) => (k !== "page" && v !== undefined && v !== "" ? [[k, String(v)]] : [])));
  const filtered = Object.keys(kept).some((k) => k !== "sort");
  const multiAgency = new Set(rows.map((r) => r.agencyName)).size > 1 || user.role !== "clerk";

  return (
    <>
      <PageHeader title="申请登记簿" description={`${user.agencyName}${user.role === "clerk" ? "" : "（含下级机构）"}收到的政府信息公开申请`}>
        <div className="flex gap-2">
          {can(user.role, "requests.import") ? (
            <>
              <Link href="/requests/import" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
                导入台账
              </Link>
              {/* A file download from a route handler, not a page: a plain link. */}
              <a href="/requests/export?format=xlsx" download className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
                导出台账
              </a>
            </>
          ) : null}
          {can(user.role, "requests.write") ? (
            <Link href="/requests/new" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
              登记申请
            </Link>
          ) : null}
        </div>
      </PageHeader>

      <form method="get" role="search" aria-label="筛选申请" className="mb-4 flex flex-wrap items-end gap-x-3 gap-y-2 rounded border border-slate-200 bg-white p-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">关键词</span>
          <input name="q" defaultValue={filter.q ?? ""} placeholder="编号、申请人或内容" className={`${field} w-48`} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">状态</span>
          <select name="status" defaultValue={filter.status ?? ""} className={field}>
            <option value="">全部</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REQUEST_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">答复期限</span>
          <select name="due" defaultValue={filter.due ?? ""} className={field}>
            <option value="">全部</option>
            {DUE_FILTERS.map((d) => (
              <option key={d} value={d}>
                {DUE_FILTER_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">申请人类型</span>
          <select name="type" defaultValue={filter.type ?? ""} className={field}>
            <option value="">全部</option>
            {APPLICANT_TYPES.map((t) => (
              <option key={t} value={t}>
                {APPLICANT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">办理结果</span>
          <select name="outcome" defaultValue={filter.outcome ?? ""} className={`${field} max-w-56`}>
            <option value="">全部</option>
            <option value="open">（未办结）</option>
            {OUTCOME_GROUPS.map((g) => (
              <optgroup key={g.key} label={g.label}>
                {g.outcomes.map((o) => (
                  <option key={o} value={o}>
                    {OUTCOME_LABELS[o]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-xs text-slate-600">收到日期</legend>
          <div className="flex items-center gap-1">
            <input type="date" name="from" aria-label="收到日期起" defaultValue={filter.from ?? ""} className={field} />
            <span>至</span>
            <input type="date" name="to" aria-label="收到日期止" defaultValue={filter.to ?? ""} className={field} />
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-xs text-slate-600">办结日期</legend>
          <div className="flex items-center gap-1">
            <input type="date" name="cfrom" aria-label="办结日期起" defaultValue={filter.cfrom ?? ""} className={field} />
            <span>至</span>
            <input type="date" name="cto" aria-label="办结日期止" defaultValue={filter.cto ?? ""} className={field} />
          </div>
        </fieldset>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">承办人</span>
          <select name="handler" defaultValue={filter.handler ?? ""} className={field}>
            <option value="">全部</option>
            {handlers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">排序</span>
          <select name="sort" defaultValue={filter.sort} className={field}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
          查询
        </button>
        {filtered ? (
          <Link href="/requests" className="py-1 text-brand-700 underline">
            清除条件
          </Link>
        ) : null}
      </form>

      {/* Cell styles live on the table (globals.css .register): 500 cells carry no class strings of their own. */}
      <table className="register w-full border-collapse bg-white text-sm" data-testid="requests-table">
        <thead>
          <tr>
            <th>编号</th>
            <th>收到日期</th>
            <th>申请人</th>
            <th>申请内容</th>
            {multiAgency ? <th>机构</th> : null}
            <th>承办人</th>
            <th>状态</th>
            <th>答复期限</th>
            <th>办理结果</th>
            <th>办结日期</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-request-id={r.id}>
              <td className="nw">
                {/* No prefetch: a page of 50 rows would fetch 50 request pages from the server. */}
                <Link href={`/requests/${r.id}`} prefetch={false} className="serial">
                  {r.serial}
                </Link>
              </td>
              <td className="nw">{r.receivedDate}</td>
              <td>
                {r.applicantName}
                <small>{APPLICANT_TYPE_LABELS[r.applicantType]}</small>
              </td>
              <td className="content" title={r.content}>
                {r.content}
              </td>
              {multiAgency ? <td className="muted">{r.agencyName}</td> : null}
              <td className="nw">{r.handler ?? ""}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td data-testid="due-cell">
                <DueCell dueDate={r.dueDate} provisional={r.dueProvisional} stopped={r.clockStopped} left={r.left} />
              </td>
              <td className="outcome">{r.outcome ? OUTCOME_LABELS[r.outcome] : ""}</td>
              <td className="nw">{r.concludedDate ?? ""}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={10} className="empty">
                {filtered ? "没有符合条件的申请" : "还没有登记任何申请"}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div className="mt-3">
        <Pagination page={page} pageSize={pageSize} total={total} capped={capped} params={kept} basePath="/requests" />
      </div>
    </>
  );
}
