import path from "node:path";

/** One server for the browser tests: its own port, database file and fixed secrets. */
export const ROOT = path.resolve(__dirname, "..");
export const DATA_DIR = path.join(ROOT, "e2e", ".data");
/** E2E_PORT lets two checkouts run their browser tests at once (each has its own e2e/.data). */
export const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://localhost:${PORT}`;
export const SERVER_LOG = path.join(DATA_DIR, "server.log");
export const E2E_ENV = {
  DATABASE_URL: path.join(DATA_DIR, "e2e.db"),
  AUTH_SECRET: "e2e-auth-secret-e2e-auth-secret-e2e-0001",
  GONGKAI_DATA_KEY: Buffer.alloc(32, 9).toString("base64"),
  PORT: String(PORT),
  NEXT_TELEMETRY_DISABLED: "1",
};
export const PASSWORD = "E2e-passw0rd-ok";
export const ADMIN_PASSWORD = "Adm1n-changed-pw";
