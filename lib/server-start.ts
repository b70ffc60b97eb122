import "server-only";
import { ensureFirstAdmin } from "./bootstrap";
import { databasePath, hstsMode, port } from "./env";
import { purgeAbandonedUploads } from "./ledger/upload-purge";
import { prepareApp } from "./lifecycle";
import { now } from "./time";

/** A server nobody uploads to still purges abandoned uploads within a day and an hour (issue 13). */
const PURGE_EVERY_MS = 3600_000;

function purgeNow(): void {
  try {
    purgeAbandonedUploads(now());
  } catch (error) {
    console.error("purging abandoned uploads failed; retried in an hour", error);
  }
}

export async function startServer(): Promise<void> {
  hstsMode(); // a mistyped GONGKAI_HSTS stops the start here, not every request in the proxy
  prepareApp();
  setInterval(purgeNow, PURGE_EVERY_MS).unref();
  const password = await ensureFirstAdmin();
  const url = `http://localhost:${port()}`;
  const lines = [
    "",
    "──────────────── Gongkai 政府信息公开 ────────────────",
    `  地址 URL:        ${url}`,
    `  数据库 Database: ${databasePath()}`,
  ];
  if (password) {
    lines.push(
      "  首次启动，已创建管理员账号 (first start: admin account created)",
      "  用户名 username: admin",
      `  初始密码 password: ${password}`,
      "  此密码只显示这一次，首次登录后须修改。(shown once; change it at first login)",
    );
  } else {
    lines.push("  请使用已有账号登录 (log in with an existing account)");
  }
  lines.push("──────────────────────────────────────────────────────", "");
  console.log(lines.join("\n"));
}
