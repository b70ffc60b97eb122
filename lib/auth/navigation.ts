import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

export type NavItem = { href: string; label: string; /** A badge beside the label (hidden when 0). */ count?: number };

/** The numbers the layout computes for the menu's badges. */
export type NavCounts = { todo?: number };

/** The menu, filtered by the permission matrix: nobody is shown a page that would refuse them. */
/** `permission`: the one needed, or several of which any one will do (a page two roles reach by different rights). */
const ITEMS = (year: number): { href: string; label: string; permission?: Permission | readonly Permission[]; count?: keyof NavCounts }[] => [
  { href: "/todo", label: "我的待办", permission: "requests.read", count: "todo" },
  { href: "/approvals", label: "待我审批", permission: "requests.approve" },
  { href: "/", label: "工作台" },
  { href: "/requests", label: "申请登记簿", permission: "requests.read" },
  { href: "/requests/new", label: "登记申请", permission: "requests.write" },
  { href: "/appeals", label: "复议诉讼", permission: "appeals.read" },
  { href: `/reports/${year}`, label: "年度报告", permission: "reports.read" },
  { href: "/admin/agencies", label: "机构管理", permission: "admin.agencies" },
  { href: "/admin/users", label: "用户管理", permission: "admin.users" },
  { href: "/admin/calendar", label: "节假日安排", permission: "admin.calendar" },
  // The agency's supervisor sets its own agency; an admin any agency (the same page).
  { href: "/settings/agency", label: "机构设置", permission: ["agency.settings", "admin.agencies"] },
  { href: "/admin/audit", label: "审计日志", permission: "audit.read" },
];

/** `year`: this year in Beijing, from the caller (the report link opens it). */
export function navigationFor(role: Role, year: number, counts: NavCounts = {}): NavItem[] {
  return ITEMS(year)
    .filter((item) => !item.permission || (typeof item.permission === "string" ? [item.permission] : item.permission).some((p) => can(role, p)))
    .map(({ href, label, count }) => (count && counts[count] !== undefined ? { href, label, count: counts[count] } : { href, label }));
}

const firstSegment = (path: string) => path.split("/")[1] ?? "";

/**
 * The menu item of the page at `pathname`: the longest item that is the path or a folder of it
 * (/requests/new is 登记申请, /requests/abc 申请登记簿), else the only item of the same first
 * folder (the report of another year is still 年度报告); "/" is 工作台 only itself.
 */
export function currentNavHref(hrefs: readonly string[], pathname: string): string | null {
  const within = hrefs.filter((href) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`)));
  if (within.length > 0) return within.reduce((a, b) => (b.length > a.length ? b : a));
  const segment = firstSegment(pathname);
  const sibling = segment ? hrefs.filter((href) => firstSegment(href) === segment) : [];
  return sibling.length === 1 ? sibling[0] : null;
}
