"use client";

import Link from "next/link";
import "./globals.css";

/** A fault in the root layout itself: the whole document, in Chinese, with the digest only. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body>
        <main className="mx-auto max-w-lg px-6 py-16 text-center" data-testid="error-page">
          <h1 className="text-2xl font-semibold text-slate-900">系统出错了</h1>
          <p className="mt-3 text-slate-600">处理您的请求时发生了意外错误。请稍后重试；问题持续时，请把下面的错误编号告诉系统管理员。</p>
          {error.digest ? <p className="mt-2 font-mono text-sm text-slate-500">错误编号：{error.digest}</p> : null}
          <Link href="/" className="mt-6 inline-block text-brand-700 underline">
            返回工作台
          </Link>
        </main>
      </body>
    </html>
  );
}
