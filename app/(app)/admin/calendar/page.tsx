import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { beijingTime } from "@/lib/audit/labels";
import { calendarYearView, listCalendarYears } from "@/lib/calendar/queries";
import { NOTICE_HOLIDAYS, type NoticeForm as NoticeValues, noticeFormOf } from "@/lib/calendar/notice";
import { monthDay } from "@/lib/deadlines/workdays";
import { addDays, weekday } from "@/lib/dates";
import { todayInChina } from "@/lib/time";
import { saveCalendarAction } from "./actions";
import { NoticeForm } from "./notice-form";

export const metadata: Metadata = { title: "节假日安排" };

const WEEK = ["一", "二", "三", "四", "五", "六", "日"];

function Month({ year, month, kinds }: { year: number; month: number; kinds: Map<string, { kind: "holiday" | "makeup"; name: string | null }> }) {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const lead = (weekday(first) + 6) % 7; // Monday first
  const days: string[] = [];
  for (let d = first; d.slice(5, 7) === first.slice(5, 7); d = addDays(d, 1)) days.push(d);
  return (
    <div className="rounded border border-slate-200 bg-white p-2">
      <div className="mb-1 text-center text-sm font-medium">{month}月</div>
      <div className="grid grid-cols-7 text-center text-[11px] leading-5">
        {WEEK.map((w) => (
          <span key={w} className="text-slate-400">
            {w}
          </span>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <span key={`l${i}`} />
        ))}
        {days.map((d) => {
          const k = kinds.get(d);
          const weekend = weekday(d) === 0 || weekday(d) === 6;
          const style = k?.kind === "holiday" ? "bg-red-100 text-red-800 font-medium" : k?.kind === "makeup" ? "bg-blue-600 text-white font-medium" : weekend ? "text-slate-400" : "text-slate-800";
          const title = k ? `${monthDay(d)} ${k.name ?? ""}${k.kind === "holiday" ? "放假" : "调休上班"}` : undefined;
          return (
            <span key={d} title={title} className={`rounded-sm ${style}`} data-day={d} data-kind={k?.kind}>
              {Number(d.slice(8))}
            </span>
          );
        })}
      </div>
    </div>
  );
}

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requirePagePermission("admin.calendar");
  const actor = toActor(user);
  const thisYear = Number(todayInChina().slice(0, 4));
  const requested = Number((await searchParams).year);
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : thisYear + 1;
  const years = listCalendarYears(actor);
  const view = calendarYearView(actor, year);
  const kinds = new Map(view.days.map((d) => [d.date, { kind: d.kind, name: d.name }]));
  const choices = [...new Set([year, thisYear + 1, thisYear + 2, ...years.map((y) => y.year)])].sort((a, b) => b - a);
  const values: NoticeValues = view.entered ? noticeFormOf(view.days) : noticeFormOf([]);
  const provisionalHints: Record<string, string> = {};
  if (!view.entered) {
    for (const [key, name] of NOTICE_HOLIDAYS) {
      const dates = view.days.filter((d) => d.name === name).map((d) => monthDay(d.date));
      if (dates.length) provisionalHints[key] = `法定：${dates.length > 1 ? `${dates[0]}–${dates.at(-1)}` : dates[0]}`;
    }
  }

  return (
    <>
      <PageHeader title="节假日安排" description="答复期限按工作日计算：周一至周五不放假的日子，加上调休上班的周六、周日。每年国务院办公厅公布次年安排后，请在此录入。" />
      <nav aria-label="年份" className="mb-4 flex flex-wrap items-center gap-1.5 text-sm">
        {choices.map((y) => {
          const entered = years.some((e) => e.year === y);
          return (
            <Link
              key={y}
              href={`/admin/calendar?year=${y}`}
              aria-current={y === year ? "page" : undefined}
              className={`rounded border px-2 py-0.5 ${y === year ? "border-brand-600 bg-brand-600 text-white" : entered ? "border-slate-300 bg-white hover:bg-slate-100" : "border-amber-300 bg-amber-50 text-amber-800 hover:bg-amber-100"}`}
            >
              {y}
              {entered ? "" : "（暂定）"}
            </Link>
          );
        })}
      </nav>

      <div className="grid grid-cols-[1fr_40rem] items-start gap-5">
        <div className="space-y-3">
          <div data-testid="calendar-status" className={`rounded border px-3 py-2 text-sm ${view.entered ? "border-slate-200 bg-white" : "border-amber-300 bg-amber-50 text-amber-900"}`}>
            {view.entered ? (
              <>
                <strong>{year} 年</strong>：{view.entered.source}
                <span className="ml-2 text-slate-500">
                  {view.entered.enteredBy ? `${view.entered.enteredBy} 录入于 ${beijingTime(view.entered.updatedAt).slice(0, 16)}` : "随系统提供"}
                </span>
              </>
            ) : (
              <>
                <strong>{year} 年放假安排尚未录入。</strong>
                答复期限暂按法定节假日（元旦、春节除夕至初三、清明、劳动节两天、端午、中秋、国庆三天）计算，不含调休，相关日期均标“暂定”。
              </>
            )}
          </div>
          <div className="grid grid-cols-3 gap-2" data-testid="calendar-months">
            {Array.from({ length: 12 }, (_, i) => (
              <Month key={i} year={year} month={i + 1} kinds={kinds} />
            ))}
          </div>
          <p className="flex gap-4 text-xs text-slate-600">
            <span>
              <span className="mr-1 inline-block h-3 w-3 rounded-sm bg-red-100 align-middle" />
              放假
            </span>
            <span>
              <span className="mr-1 inline-block h-3 w-3 rounded-sm bg-blue-600 align-middle" />
              调休上班
            </span>
            <span className="text-slate-400">灰色：周末</span>
          </p>
        </div>

        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">{view.entered ? `更正 ${year} 年放假安排` : `录入 ${year} 年放假安排`}</h2>
          <NoticeForm action={saveCalendarAction.bind(null, year)} year={year} source={view.entered?.source ?? ""} values={values} hints={provisionalHints} />
        </section>
      </div>

      {view.lastChange ? (
        <section className="mt-5 rounded border border-slate-200 bg-white p-4" aria-label="答复期限变动">
          <h2 className="mb-1 font-semibold">最近一次修改 {year} 年安排后答复期限变动的申请</h2>
          <p className="mb-3 text-xs text-slate-500">
            {view.lastChange.actor ?? "系统"} 于 {beijingTime(view.lastChange.at).slice(0, 16)} 修改；请通知相关承办人。
          </p>
          {view.lastChange.moved.length === 0 ? (
            <p className="text-sm text-slate-600">没有未办结申请的答复期限因此变动。</p>
          ) : (
            <table className="w-full border-collapse text-sm" data-testid="moved-requests">
              <thead>
                <tr className="border-b border-slate-300 bg-slate-100 text-left">
                  <th className="px-2 py-1.5 font-medium">机构</th>
                  <th className="px-2 py-1.5 font-medium">编号</th>
                  <th className="px-2 py-1.5 font-medium">原答复期限</th>
                  <th className="px-2 py-1.5 font-medium">新答复期限</th>
                </tr>
              </thead>
              <tbody>
                {view.lastChange.moved.map((m) => (
                  <tr key={m.requestId} className="border-b border-slate-200">
                    <td className="px-2 py-1">{m.agencyName}</td>
                    <td className="px-2 py-1 font-mono">{m.serial}</td>
                    <td className="px-2 py-1">{m.before ?? "—"}</td>
                    <td className="px-2 py-1 font-medium">{m.after ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
}
