import { afterEach, describe, expect, test } from "vitest";
import { usesSecureCookie } from "./session-cookie";

const proto = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-proto": value });

describe("the session cookie's name follows Auth.js's rule", () => {
  afterEach(() => {
    delete process.env.AUTH_URL;
    delete process.env.NEXTAUTH_URL;
  });

  test("by x-forwarded-proto without AUTH_URL; https when the header is absent", () => {
    expect(usesSecureCookie(proto("http"))).toBe(false);
    expect(usesSecureCookie(proto("https"))).toBe(true);
    expect(usesSecureCookie(proto("https,http"))).toBe(true);
    expect(usesSecureCookie(proto())).toBe(true);
  });

  test("by AUTH_URL (or NEXTAUTH_URL) when set, whatever the header says", () => {
    process.env.AUTH_URL = "http://gongkai.example.cn";
    expect(usesSecureCookie(proto("https"))).toBe(false);
    process.env.AUTH_URL = "https://gongkai.example.cn";
    expect(usesSecureCookie(proto("http"))).toBe(true);
    delete process.env.AUTH_URL;
    process.env.NEXTAUTH_URL = "https://gongkai.example.cn";
    expect(usesSecureCookie(proto("http"))).toBe(true);
  });
});
