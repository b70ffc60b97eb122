import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requirePageUser } from "@/lib/auth/current";
import { navigationFor } from "@/lib/auth/navigation";
import { yearOf } from "@/lib/dates";
import { todayInChina } from "@/lib/time";
import { logoutAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser({ allowMustChange: true });
  return (
    <AppShell user={user} nav={user.mustChangePassword ? [] : navigationFor(user.role, yearOf(todayInChina()))} logout={logoutAction}>
      {children}
    </AppShell>
  );
}
