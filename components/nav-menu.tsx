"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentNavHref, type NavItem } from "@/lib/auth/navigation";

/** The side menu: the current page marked (aria-current), a count beside 我的待办. */
export function NavMenu({ items }: { items: NavItem[] }) {
  const current = currentNavHref(
    items.map((item) => item.href),
    usePathname(),
  );
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const active = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`flex items-center justify-between gap-2 border-l-4 py-2 pl-4 pr-3 text-sm ${
                active ? "border-brand-600 bg-brand-50 font-medium text-brand-800" : "border-transparent text-slate-700 hover:bg-brand-50 hover:text-brand-800"
              }`}
            >
              <span>{item.label}</span>
              {item.count ? (
                <span data-testid="nav-count" role="img" aria-label={`${item.count} 项待办`} className="min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs font-semibold leading-5 text-white">
                  {item.count > 99 ? "99+" : item.count}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
