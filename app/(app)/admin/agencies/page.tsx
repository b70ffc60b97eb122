import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell";
import { listAgencyTree } from "@/lib/agencies/queries";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { CreateAgencyForm, RenameAgencyForm } from "./agency-forms";

export const metadata: Metadata = { title: "机构管理" };

export default async function AgenciesPage() {
  const user = await requirePagePermission("admin.agencies");
  const tree = listAgencyTree(toActor(user));
  return (
    <>
      <PageHeader title="机构管理" description="本系统中的行政机关及其上下级关系。上级机构的审核负责人可查看下级机构的数据。" />
      <div className="grid grid-cols-[1fr_18rem] items-start gap-6">
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-300 bg-slate-100 text-left">
              <th className="px-3 py-2 font-medium">机构名称</th>
              <th className="px-3 py-2 font-medium">机构代码</th>
            </tr>
          </thead>
          <tbody>
            {tree.map((a) => (
              <tr key={a.id} className="border-b border-slate-200">
                <td className="px-3 py-1.5" style={{ paddingLeft: `${0.75 + a.depth * 1.5}rem` }}>
                  <RenameAgencyForm id={a.id} name={a.name} />
                </td>
                <td className="px-3 py-1.5 font-mono text-slate-600">{a.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-medium">添加机构</h2>
          <CreateAgencyForm parents={tree.map((a) => ({ code: a.code, label: `${"　".repeat(a.depth)}${a.name}` }))} />
        </section>
      </div>
    </>
  );
}
