import Link from "next/link";
import type { ReactNode } from "react";
import type { NavItem } from "@/lib/auth/navigation";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { NavMenu } from "./nav-menu";

type Props = {
  user: { username: string; displayName: string; role: Role; agencyName: string };
  nav: NavItem[];
  logout: () => Promise<void>;
  children: ReactNode;
};

/** The frame of every signed-in page: who and where you are, what you can open, logout. */
export function AppShell({ user, nav, logout, children }: Props) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between bg-brand-800 px-5 py-2.5 text-white">
        <Link href="/" className="text-base font-semibold tracking-wide">
          政府信息公开申请办理系统
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <span data-testid="current-user">
            {user.agencyName} · {user.displayName || user.username}（{ROLE_LABELS[user.role]}）
          </span>
          <Link href="/account/2fa" className="underline-offset-2 hover:underline">
            双因素登录
          </Link>
          <Link href="/account/password" className="underline-offset-2 hover:underline">
            修改密码
          </Link>
          <form action={logout}>
            <button type="submit" className="rounded border border-white/40 px-3 py-1 hover:bg-white/10">
              退出登录
            </button>
          </form>
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="主导航" className="w-44 shrink-0 border-r border-slate-200 bg-white py-4">
          <NavMenu items={nav} />
        </nav>
        <main className="min-w-0 flex-1 px-6 py-5">{children}</main>
      </div>
    </div>
  );
}

export function PageHeader({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <div className="mb-5 flex items-end justify-between gap-4 border-b border-slate-200 pb-3">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
      </div>
      {children}
    </div>
  );
}
