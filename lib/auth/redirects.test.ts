import { describe, expect, test } from "vitest";
import { ROLES, secondFactorRequired } from "./roles";
import { authRedirectUrl, landingPath, PASSWORD_LOGIN_LANDING, safeCallbackUrl, withSafeCallbackUrl } from "./redirects";

describe("safeCallbackUrl (issue 12, item 5)", () => {
  test.each([
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r/evil.example"],
    ["/\r\n/evil.example"],
    ["/ /evil.example"],
    ["/\u00a0/evil.example"],
    ["/\u3000/evil.example"],
    ["/\u2028/evil.example"],
    ["/%09/evil.example"],
    ["/%0a/evil.example"],
    ["/%0D/evil.example"],
    ["/%00"],
    ["/%2509/evil.example"],
    ["/\\evil.example"],
    ["/\\/evil.example"],
    ["/%5Cevil.example"],
    ["/%5c/evil.example"],
    ["//evil.example"],
    ["///evil.example"],
    ["/%2F%2Fevil.example"],
    ["/%2fevil.example"],
    ["/.//evil.example"],
    ["/a/..//evil.example"],
    ["/%2E//evil.example"],
    ["https://evil.example"],
    ["http:evil.example"],
    ["javascript:alert(1)"],
    ["/\u0000"],
    ["/\u0007x"],
    ["/\u007f"],
    ["/requests?q=\t"],
    ["/requests#\\x"],
    ["/%E0%A4%A"],
    ["evil.example"],
    [""],
    ["/login"],
    ["/login?callbackUrl=%2Fadmin"],
    ["/./login"],
    ["/x/../login"],
    ["/%6Cogin"],
    ["/api/auth/signout"],
    ["/api"],
    ["/./api/audit/verify"],
    ["/%61pi/audit/verify"],
    [undefined],
    [null],
    [["/requests"]],
    [42],
  ])("%j goes to /", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  test.each([
    ["/", "/"],
    ["/requests?q=1#x", "/requests?q=1#x"],
    ["/reports/2026", "/reports/2026"],
    ["/admin/users", "/admin/users"],
    ["/requests/abc/edit?tab=timeline", "/requests/abc/edit?tab=timeline"],
    ["/requests?q=%E5%BC%A0%E4%B8%89&status=open", "/requests?q=%E5%BC%A0%E4%B8%89&status=open"],
    ["/requests?q=a+b", "/requests?q=a+b"],
    ["/requests/./x/../y", "/requests/y"],
    ["/requests?q=张三", "/requests?q=%E5%BC%A0%E4%B8%89"],
  ])("%j is followed as %j", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  test.each([
    [undefined, "/todo"],
    ["", "/todo"],
    ["/%09/evil.example", "/todo"],
    ["/login", "/todo"],
    ["/", "/"],
    ["/requests?q=1", "/requests?q=1"],
  ])("%j with the fallback /todo is %j: an explicit page still wins", (value, expected) => {
    expect(safeCallbackUrl(value, "/todo")).toBe(expected);
  });
});

describe("the landing page after login (A8: 我的待办 first)", () => {
  test.each([
    ["clerk", "/todo"],
    ["supervisor", "/todo"],
    ["auditor", "/todo"],
    ["admin", "/"],
  ] as const)("%s lands on %s", (role, expected) => {
    expect(landingPath(role)).toBe(expected);
  });

  // The password step lands before the role is known: a role landing elsewhere must be sent on by its second-factor step.
  test.each(ROLES.filter((role) => !secondFactorRequired(role)))("%s, signed in by password alone, lands where its role should", (role) => {
    expect(landingPath(role)).toBe(PASSWORD_LOGIN_LANDING);
  });
});

describe("Auth.js's callbackUrl (issue 13, item 5: a newline gave HTTP 500 or a failed login)", () => {
  const BASE_URL = "http://localhost:3000";
  test.each([
    ["/requests", "http://localhost:3000/requests"],
    ["/login", "http://localhost:3000/login"],
    ["http://localhost:3000/requests?x=1", "http://localhost:3000/requests?x=1"],
    ["\n/requests", "http://localhost:3000/"],
    ["/requests\r\nSet-Cookie: x=1", "http://localhost:3000/"],
    ["https://evil.example/", "http://localhost:3000/"],
    ["//evil.example", "http://localhost:3000/"],
    ["", "http://localhost:3000/"],
  ])("redirect(%j) → %j", (url, expected) => {
    expect(authRedirectUrl(url, BASE_URL)).toBe(expected);
  });

  test("the query parameter and the cookie are made safe before Auth.js reads them; a safe request is unchanged", () => {
    const crafted = new Request(`${BASE_URL}/api/auth/signin?callbackUrl=%0A%2Fx`, { headers: { cookie: "a=1; authjs.callback-url=%0A%2Fx; b=2" } });
    const safe = withSafeCallbackUrl(crafted);
    expect(new URL(safe.url).searchParams.get("callbackUrl")).toBe(`${BASE_URL}/`);
    expect(safe.headers.get("cookie")).toBe("a=1; b=2");
    const fine = new Request(`${BASE_URL}/api/auth/signin?callbackUrl=%2Frequests`, { headers: { cookie: `authjs.callback-url=${encodeURIComponent(`${BASE_URL}/`)}` } });
    expect(withSafeCallbackUrl(fine)).toBe(fine);
  });
});
