"use client";

import Link from "next/link";

/**
 * An unexpected fault on a page: a message in Chinese and the digest the server log holds for
 * it, nothing of the error itself (a production build never sends its message or stack).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-16 text-center" data-testid="error-page">
      <h1 className="text-2xl font-semibold text-slate-900">系统出错了</h1>
      <p className="mt-3 text-slate-600">处理您的请求时发生了意外错误，数据未被更改。请稍后重试；问题持续时，请把下面的错误编号告诉系统管理员。</p>
      {error.digest ? <p className="mt-2 font-mono text-sm text-slate-500">错误编号：{error.digest}</p> : null}
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
          重试
        </button>
        <Link href="/" className="py-1.5 text-brand-700 underline">
          返回工作台
        </Link>
      </div>
    </main>
  );
}
