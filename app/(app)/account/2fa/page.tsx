import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell";
import { EnrollForm } from "@/components/auth/second-factor-forms";
import { requirePageUser } from "@/lib/auth/current";
import { secondFactorRequired } from "@/lib/auth/roles";
import { enrollment } from "@/lib/auth/second-factor";
import { beijingTime } from "@/lib/audit/labels";
import { secondFactorSince } from "@/lib/users/queries";
import { confirmEnrollmentAction } from "@/app/(auth)/login/2fa/actions";

export const metadata: Metadata = { title: "双因素登录" };

/** One's own second factor: enrolled (since when), or set up here when the role does not require it. */
export default async function AccountSecondFactorPage() {
  const user = await requirePageUser();
  const since = secondFactorSince(user.id);
  return (
    <>
      <PageHeader title="双因素登录" description="登录时除密码外，还须输入手机身份验证器应用显示的验证码。" />
      <div className="max-w-md rounded border border-slate-200 bg-white p-5">
        {since ? (
          <p className="text-sm text-slate-700" data-testid="second-factor-on">
            已于 {beijingTime(since).slice(0, 16)} 启用{secondFactorRequired(user.role) ? "（您的角色必须使用）" : ""}。更换或丢失手机时，请管理员重置双因素登录。
          </p>
        ) : (
          <EnrollForm action={confirmEnrollmentAction} enrollment={await enrollment(user)} next="/" />
        )}
      </div>
    </>
  );
}
