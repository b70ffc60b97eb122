import { defineConfig } from "@playwright/test";
import { BASE_URL, E2E_ENV } from "./e2e/env";

/** Browser tests drive Debian's chromium against the production build (stack.md pitfall 8). */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: BASE_URL,
    locale: "zh-CN",
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    command: "bash e2e/start-server.sh",
    url: `${BASE_URL}/login`,
    env: E2E_ENV,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
