import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">无权访问（403）</h1>
      <p className="mt-3 text-slate-600">您的账号没有打开此页面的权限。如需开通，请联系本机关的系统管理员。</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        返回工作台
      </Link>
    </main>
  );
}
