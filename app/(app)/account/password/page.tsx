import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell";
import { requirePageUser } from "@/lib/auth/current";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  const user = await requirePageUser({ allowMustChange: true });
  return (
    <>
      <PageHeader title="修改密码" />
      {user.mustChangePassword ? (
        <p data-testid="must-change-notice" className="mb-4 max-w-xl rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          您正在使用初始密码或管理员重置的密码，请先设置新密码后再使用系统。
        </p>
      ) : null}
      <PasswordForm />
    </>
  );
}
