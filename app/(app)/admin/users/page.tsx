import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell";
import { listAgencyTree } from "@/lib/agencies/queries";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { beijingTime } from "@/lib/audit/labels";
import { nowIso } from "@/lib/time";
import { readSetting } from "@/lib/settings/queries";
import { listUsers } from "@/lib/users/queries";
import { CreateUserForm, PasswordPolicyForm, UserRowActions } from "./user-forms";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const user = await requirePagePermission("admin.users");
  const actor = toActor(user);
  const users = listUsers(actor);
  const at = nowIso();
  const locked = (u: { lockedUntil: string | null }) => Boolean(u.lockedUntil && u.lockedUntil > at);
  const agencies = listAgencyTree(actor).map((a) => ({ code: a.code, label: `${"　".repeat(a.depth)}${a.name}` }));
  return (
    <>
      <PageHeader title="用户管理" description="停用、重置密码和修改角色立即生效：该用户当前的登录会被注销。连续 5 次登录失败的账号锁定 15 分钟，可在此解锁。" />
      <div className="grid grid-cols-[1fr_17rem] items-start gap-6">
        <table className="w-full border-collapse bg-white text-sm" data-testid="users-table">
          <thead>
            <tr className="border-b border-slate-300 bg-slate-100 text-left">
              <th className="px-3 py-2 font-medium">用户名</th>
              <th className="px-3 py-2 font-medium">姓名</th>
              <th className="px-3 py-2 font-medium">所属机构</th>
              <th className="px-3 py-2 font-medium">角色</th>
              <th className="px-3 py-2 font-medium">状态</th>
              <th className="px-3 py-2 font-medium">操作</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-username={u.username} className="border-b border-slate-200 align-top">
                <td className="px-3 py-2 font-mono">{u.username}</td>
                <td className="px-3 py-2">{u.displayName}</td>
                <td className="px-3 py-2">{u.agencyName}</td>
                <td className="px-3 py-2">{ROLE_LABELS[u.role]}</td>
                <td className="px-3 py-2">
                  {u.disabled ? (
                    <span className="text-red-700">已停用</span>
                  ) : locked(u) ? (
                    <span className="text-amber-700" data-testid="locked">
                      已锁定至 {beijingTime(u.lockedUntil as string).slice(11, 16)}
                    </span>
                  ) : u.mustChangePassword ? (
                    <span className="text-amber-700">待改密码</span>
                  ) : (
                    "正常"
                  )}
                </td>
                <td className="px-3 py-2">
                  <UserRowActions id={u.id} username={u.username} role={u.role} disabled={u.disabled} locked={locked(u)} secondFactor={Boolean(u.secondFactorSince)} self={u.id === user.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="space-y-5">
          <section className="rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-medium">添加用户</h2>
            <CreateUserForm agencies={agencies} />
          </section>
          <section className="rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-medium">登录安全</h2>
            <PasswordPolicyForm days={readSetting("passwordMaxAgeDays")} />
          </section>
        </div>
      </div>
    </>
  );
}
