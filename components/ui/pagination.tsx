import Link from "next/link";

/** Page links that keep every other query parameter. */
export function Pagination({
  page,
  pageSize,
  total,
  capped = false,
  params,
  basePath,
}: {
  page: number;
  pageSize: number;
  total: number;
  capped?: boolean;
  params: Record<string, string>;
  basePath: string;
}) {
  const pages = capped ? Number.POSITIVE_INFINITY : Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...params, page: String(p) }).toString()}`;
  return (
    <nav aria-label="分页" className="flex items-center gap-3 text-sm text-slate-700">
      <span>
        {capped ? `超过 ${total} 条，第 ${page} 页` : `共 ${total} 条，第 ${Math.min(page, pages)} / ${pages} 页`}
      </span>
      {page > 1 ? (
        <Link href={href(page - 1)} className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100" rel="prev">
          上一页
        </Link>
      ) : null}
      {page < pages ? (
        <Link href={href(page + 1)} className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100" rel="next">
          下一页
        </Link>
      ) : null}
    </nav>
  );
}
