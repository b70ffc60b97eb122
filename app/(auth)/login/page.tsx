import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/current";
import { LOGIN_REFUSED_MESSAGE } from "@/lib/auth/login";
import { landingPath, safeCallbackUrl } from "@/lib/auth/redirects";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const session = await getSessionUser();
  if (session?.secondFactor === "ok") redirect(safeCallbackUrl(callbackUrl, landingPath(session.role)));
  if (session) redirect("/login/2fa");
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold text-brand-800">政府信息公开申请办理系统</h1>
        <p className="mb-6 mt-1 text-sm text-slate-500">请使用本机关分配的账号登录</p>
        {error ? (
          <p data-testid="form-error" className="mb-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {LOGIN_REFUSED_MESSAGE}
          </p>
        ) : null}
        {/* Empty without a page to return to: the action then lands by role (lib/auth/redirects.ts). */}
        <LoginForm callbackUrl={safeCallbackUrl(callbackUrl, "")} />
      </div>
    </main>
  );
}
