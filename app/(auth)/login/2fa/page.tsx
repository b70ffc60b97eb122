import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EnrollForm, VerifyForm } from "@/components/auth/second-factor-forms";
import { getSessionUser } from "@/lib/auth/current";
import { landingPath } from "@/lib/auth/redirects";
import { enrollment } from "@/lib/auth/second-factor";
import { confirmEnrollmentAction, verifySecondFactorAction } from "./actions";

export const metadata: Metadata = { title: "双因素登录" };

/** The second step of a login: the authenticator's code, or its first setup for a role that needs it. */
export default async function SecondFactorPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (user.secondFactor === "ok") redirect(landingPath(user.role));
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4 py-8">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold text-brand-800">双因素登录</h1>
        {user.secondFactor === "verify" ? (
          <>
            <p className="mb-6 mt-1 text-sm text-slate-500">请输入身份验证器应用中显示的 6 位验证码（{user.username}）。手机不在身边时，可输入一个恢复码。</p>
            <VerifyForm action={verifySecondFactorAction} />
          </>
        ) : (
          <>
            <p className="mb-4 mt-1 text-sm text-slate-600">
              您的角色须使用双因素登录。请用身份验证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP）扫描下方二维码，再输入应用显示的 6 位验证码。
            </p>
            <EnrollForm action={confirmEnrollmentAction} enrollment={await enrollment(user)} next={landingPath(user.role)} />
          </>
        )}
      </div>
    </main>
  );
}
