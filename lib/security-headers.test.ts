import { describe, expect, test } from "vitest";
import { HSTS_VALUE, strictTransportSecurity } from "./security-headers";

describe("Strict-Transport-Security (issue 12, item 6)", () => {
  test("the value is one year, subdomains included", () => {
    expect(HSTS_VALUE).toBe("max-age=31536000; includeSubDomains");
  });

  test.each([
    // mode, X-Forwarded-Proto, header sent
    ["auto", "https", true],
    ["auto", "HTTPS", true],
    ["auto", " https ", true],
    ["auto", "https, http", true], // the first proxy in the chain saw the client
    ["auto", "http", false],
    ["auto", "http, https", false],
    ["auto", null, false],
    ["auto", undefined, false],
    ["auto", "", false],
    ["auto", "httpsx", false],
    ["always", null, true],
    ["always", "http", true],
    ["always", "https", true],
    ["off", "https", false],
    ["off", null, false],
  ] as const)("mode %s with X-Forwarded-Proto %j: sent %s", (mode, proto, sent) => {
    expect(strictTransportSecurity(mode, proto)).toBe(sent ? HSTS_VALUE : null);
  });
});
