import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "政府信息公开申请办理系统", template: "%s · 政府信息公开申请办理系统" },
  robots: { index: false, follow: false },
};

/** Every page renders per request: Next puts the proxy's CSP nonce on its scripts. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await headers();
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
