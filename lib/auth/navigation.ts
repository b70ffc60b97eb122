import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

/** The menu, filtered by the permission matrix: nobody is shown a page that would refuse them. */
const ITEMS = (year: number): { href: string; label: string; permission?: Permission }[] => [
  { href: "/", label: "工作台" },
  { href: "/requests", label: "申请登记簿", permission: "requests.read" },
  { href: "/requests/new", label: "登记申请", permission: "requests.write" },
  { href: "/appeals", label: "复议诉讼", permission: "appeals.read" },
  { href: `/reports/${year}`, label: "年度报告", permission: "reports.read" },
  { href: "/admin/agencies", label: "机构管理", permission: "admin.agencies" },
  { href: "/admin/users", label: "用户管理", permission: "admin.users" },
  { href: "/admin/calendar", label: "节假日安排", permission: "admin.calendar" },
  { href: "/admin/audit", label: "审计日志", permission: "audit.read" },
];

/** `year`: this year in Beijing, from the caller (the report link opens it). */
export function navigationFor(role: Role, year: number) {
  return ITEMS(year).filter((item) => !item.permission || can(role, item.permission)).map(({ href, label }) => ({ href, label }));
}
