import { describe, expect, test } from "vitest";
import { currentNavHref, navigationFor } from "./navigation";

describe("navigationFor", () => {
  test.each([
    ["clerk", ["/todo", "/", "/requests", "/requests/new", "/appeals", "/reports/2026"]],
    ["supervisor", ["/todo", "/approvals", "/", "/requests", "/requests/new", "/appeals", "/reports/2026", "/settings/agency", "/admin/audit"]],
    ["admin", ["/", "/reports/2026", "/admin/agencies", "/admin/users", "/admin/calendar", "/settings/agency", "/admin/audit"]],
    ["auditor", ["/todo", "/", "/requests", "/appeals", "/reports/2026", "/admin/audit"]],
  ] as const)("%s sees %j", (role, hrefs) => {
    expect(navigationFor(role, 2026).map((item) => item.href)).toEqual(hrefs);
  });

  test("我的待办 comes first and carries the count it is given; no other item does", () => {
    const nav = navigationFor("clerk", 2026, { todo: 3 });
    expect(nav[0]).toEqual({ href: "/todo", label: "我的待办", count: 3 });
    expect(nav.slice(1).every((item) => item.count === undefined)).toBe(true);
    expect(navigationFor("clerk", 2026)[0]).toEqual({ href: "/todo", label: "我的待办" });
    expect(navigationFor("clerk", 2026, { todo: 0 })[0].count).toBe(0);
  });
});

describe("currentNavHref", () => {
  const hrefs = navigationFor("supervisor", 2026).map((item) => item.href);
  test.each([
    ["/", "/"],
    ["/todo", "/todo"],
    ["/requests", "/requests"],
    ["/requests/new", "/requests/new"],
    ["/requests/abc", "/requests"],
    ["/requests/abc/edit", "/requests"],
    ["/reports/2026", "/reports/2026"],
    ["/reports/2025", "/reports/2026"],
    ["/settings/agency", "/settings/agency"],
    ["/admin/audit", "/admin/audit"],
    ["/account/password", null],
    ["/approvals/x", "/approvals"],
  ])("%s marks %j", (pathname, expected) => {
    expect(currentNavHref(hrefs, pathname)).toBe(expected);
  });

  test("a page of a folder with several items and none of its own marks none", () => {
    expect(currentNavHref(navigationFor("admin", 2026).map((item) => item.href), "/admin/unknown")).toBeNull();
  });
});
