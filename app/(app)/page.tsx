import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell";
import { requirePageUser } from "@/lib/auth/current";
import { navigationFor } from "@/lib/auth/navigation";
import { ROLE_LABELS } from "@/lib/auth/roles";
import Link from "next/link";

export const metadata: Metadata = { title: "工作台" };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requirePageUser();
  const { password } = await searchParams;
  const links = navigationFor(user.role).filter((item) => item.href !== "/");
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
