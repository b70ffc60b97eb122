import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell";
import { requirePageUser, toActor } from "@/lib/auth/current";
import { navigationFor } from "@/lib/auth/navigation";
import { ROLE_LABELS } from "@/lib/auth/roles";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { StatusBadge } from "@/components/requests/badges";
import { yearOf } from "@/lib/dates";
import { REQUEST_STATUS_LABELS } from "@/lib/requests/codes";
import { dueCounts, OPEN_STATUSES, statusCounts } from "@/lib/requests/queries";
import { DUE_FILTER_LABELS, DUE_FILTERS } from "@/lib/requests/schemas";
import { todayInChina } from "@/lib/time";

const TILE_STYLE: Record<(typeof DUE_FILTERS)[number], string> = {
  overdue: "border-red-300 bg-red-50 text-red-800",
  "2": "border-orange-300 bg-orange-50 text-orange-800",
  "5": "border-amber-300 bg-amber-50 text-amber-800",
  stopped: "border-violet-300 bg-violet-50 text-violet-800",
};

export const metadata: Metadata = { title: "工作台" };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requirePageUser();
  const { password } = await searchParams;
  const today = todayInChina();
  const links = navigationFor(user.role, yearOf(today)).filter((item) => item.href !== "/");
  const reads = can(user.role, "requests.read");
  const counts = reads ? dueCounts(toActor(user), today) : null;
  const byStatus = reads ? statusCounts(toActor(user)) : null;
  return (
    <>
      <PageHeader title="工作台" description={`${user.agencyName} · ${ROLE_LABELS[user.role]}`} />
      {password === "changed" ? (
        <p data-testid="form-success" className="mb-4 max-w-xl rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          密码已修改。
        </p>
      ) : null}
      <p className="text-sm text-slate-700">
        欢迎，{user.displayName || user.username}。
      </p>
      {counts ? (
        <section aria-label="答复期限" className="mt-4 max-w-4xl">
          <h2 className="mb-2 text-sm font-semibold text-slate-700">答复期限</h2>
          <ul className="grid grid-cols-4 gap-3" data-testid="due-tiles">
            {DUE_FILTERS.map((key) => (
              <li key={key}>
                <Link href={`/requests?due=${key}&sort=due_asc`} className={`block rounded border px-4 py-3 hover:shadow ${counts[key] ? TILE_STYLE[key] : "border-slate-200 bg-white text-slate-500"}`}>
                  <span className="block text-2xl font-semibold">{counts[key]}</span>
                  <span className="text-sm">{DUE_FILTER_LABELS[key]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {byStatus ? (
        <section aria-label="办理状态" className="mt-4 max-w-4xl">
          <h2 className="mb-2 text-sm font-semibold text-slate-700">未办结申请的办理状态</h2>
          <ul className="grid grid-cols-6 gap-2" data-testid="status-tiles">
            {OPEN_STATUSES.map((status) => (
              <li key={status}>
                <Link href={`/requests?status=${status}`} aria-label={`${REQUEST_STATUS_LABELS[status]} ${byStatus[status]} 件`} className="block rounded border border-slate-200 bg-white px-3 py-2 hover:shadow">
                  <span className="block text-xl font-semibold text-slate-800">{byStatus[status]}</span>
                  <StatusBadge status={status} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {links.length > 0 ? (
        <ul className="mt-4 grid max-w-3xl grid-cols-3 gap-3">
          {links.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="block rounded border border-slate-200 bg-white px-4 py-3 text-brand-700 hover:border-brand-600">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
