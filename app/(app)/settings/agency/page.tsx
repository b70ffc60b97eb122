import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/app-shell";
import { AgencySettingsForm } from "@/components/agency/settings-form";
import { listAgencyTree } from "@/lib/agencies/queries";
import { readAgencySettings } from "@/lib/agencies/settings";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { firstValues } from "@/lib/validation";
import { saveAgencySettingsAction, saveAnyAgencySettingsAction } from "../actions";

export const metadata: Metadata = { title: "机构设置" };

/** 机构设置 (domain.md A8): a supervisor sets its own agency; an admin picks one with ?agency=<code>. */
export default async function AgencySettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission(["agency.settings", "admin.agencies"]);
  const actor = toActor(user);
  const { agency: code } = firstValues(await searchParams);
  const tree = user.role === "admin" ? listAgencyTree(actor) : [];
  let agencyId = user.agencyId;
  if (user.role === "admin") {
    const chosen = code ? tree.find((a) => a.code === code) : (tree.find((a) => a.id === user.agencyId) ?? tree[0]);
    if (!chosen) notFound();
    agencyId = chosen.id;
  }
  const settings = readAgencySettings(actor, agencyId);
  const chosenCode = tree.find((a) => a.id === agencyId)?.code;
  return (
    <>
      <PageHeader title="机构设置" description={`${settings.agencyName}：文号、到期提醒、审批层级和分办。修改立即生效，并记入审计日志。`} />
      {user.role === "admin" ? (
        <form method="get" className="mb-5 flex max-w-xl items-end gap-2" aria-label="选择机构">
          <div className="flex-1 space-y-1">
            <label htmlFor="f-agency" className="block text-sm font-medium text-slate-700">
              机构
            </label>
            <select id="f-agency" name="agency" defaultValue={chosenCode} className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5 text-slate-900 shadow-sm">
              {tree.map((a) => (
                <option key={a.id} value={a.code}>
                  {`${"　".repeat(a.depth)}${a.name}`}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100">
            切换
          </button>
        </form>
      ) : null}
      <section className="max-w-xl rounded border border-slate-200 bg-white p-5" aria-label={`${settings.agencyName}的设置`}>
        <AgencySettingsForm key={settings.agencyId} action={user.role === "admin" ? saveAnyAgencySettingsAction.bind(null, settings.agencyId) : saveAgencySettingsAction} settings={settings} />
      </section>
    </>
  );
}
