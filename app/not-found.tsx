import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">页面不存在（404）</h1>
      <p className="mt-3 text-slate-600">您要找的页面不存在，或者您无权查看。</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        返回工作台
      </Link>
    </main>
  );
}
