import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requirePageUser, toActor } from "@/lib/auth/current";
import { navigationFor } from "@/lib/auth/navigation";
import { can } from "@/lib/auth/permissions";
import { yearOf } from "@/lib/dates";
import { todayInChina } from "@/lib/time";
import { todoCount } from "@/lib/work/queries";
import { logoutAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser({ allowMustChange: true });
  const today = todayInChina();
  const nav = user.mustChangePassword ? [] : navigationFor(user.role, yearOf(today), can(user.role, "requests.read") ? { todo: todoCount(toActor(user), today) } : {});
  return (
    <AppShell user={user} nav={nav} logout={logoutAction}>
      {children}
    </AppShell>
  );
}
