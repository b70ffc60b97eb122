import { describe, expect, test } from "vitest";
import { safeCallbackUrl } from "./redirects";

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
});
