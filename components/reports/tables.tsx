import { APPEAL_COLUMN_LABELS, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICATION_COLUMN_LABELS, APPLICATION_COLUMNS, APPLICATION_ROWS, PROACTIVE_BLOCKS, TITLES } from "@/lib/reports/layout";
import type { Report } from "@/lib/reports/types";

const th = "border border-slate-400 bg-slate-100 px-2 py-1 font-medium";
const td = "border border-slate-400 px-2 py-1 text-right tabular-nums";
const label = "border border-slate-400 px-2 py-1 text-left";

/** The three statutory tables with the exact labels of report-format.json; every cell printed, 0 never blank. */
export function ProactiveTable({ proactive, formHref }: { proactive: Report["proactive"]; formHref?: string }) {
  return (
    <table className="w-full border-collapse bg-white text-sm" data-testid="table-proactive">
      <caption className="mb-2 text-left font-semibold">{TITLES.proactive}</caption>
      <tbody>
        {PROACTIVE_BLOCKS.map((block) => (
          <FragmentRows key={block.heading} block={block} proactive={proactive} formHref={formHref} />
        ))}
      </tbody>
    </table>
  );
}

function FragmentRows({ block, proactive, formHref }: { block: (typeof PROACTIVE_BLOCKS)[number]; proactive: Report["proactive"]; formHref?: string }) {
  const figures = proactive as unknown as Record<string, Record<string, number | string>>;
  return (
    <>
      <tr>
        <th colSpan={4} className={th}>
          {block.heading}
        </th>
      </tr>
      <tr>
        <th className={th}>{TITLES.proactiveItemHeader}</th>
        {block.columns.map((c) => (
          <th key={c.code} className={th} colSpan={block.columns.length === 1 ? 3 : 1}>
            {c.label}
          </th>
        ))}
      </tr>
      {block.rows.map((row) => (
        <tr key={row.code}>
          <td className={label}>{row.label}</td>
          {block.columns.map((c) => (
            <td key={c.code} className={td} colSpan={block.columns.length === 1 ? 3 : 1}>
              {formHref ? (
                <a href={formHref} className="text-brand-700 underline" title="录入或修改">
                  {String(figures[row.code][c.code])}
                </a>
              ) : (
                String(figures[row.code][c.code])
              )}
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

export function ApplicationsTable({ applications, cellHref }: { applications: Report["applications"]; cellHref?: (row: string, column: string) => string | null }) {
  return (
    <table className="w-full border-collapse bg-white text-sm" data-testid="table-applications">
      <caption className="mb-2 text-left font-semibold">{TITLES.applications}</caption>
      <thead>
        <tr>
          <th className={th} colSpan={2} rowSpan={3}>
            {TITLES.applicationsNote}
          </th>
          <th className={th} colSpan={7}>
            {TITLES.applicationsColumnHeader}
          </th>
        </tr>
        <tr>
          <th className={th} rowSpan={2}>
            {APPLICATION_COLUMN_LABELS.natural}
          </th>
          <th className={th} colSpan={5}>
            法人或其他组织
          </th>
          <th className={th} rowSpan={2}>
            {APPLICATION_COLUMN_LABELS.total}
          </th>
        </tr>
        <tr>
          {APPLICATION_COLUMNS.filter((c) => c !== "natural" && c !== "total").map((c) => (
            <th key={c} className={th}>
              {APPLICATION_COLUMN_LABELS[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {APPLICATION_ROWS.map((row, i) => {
          const nested = row.group && row.group.startsWith("（");
          // A group's label spans its rows, as in the national layout.
          const first = nested && APPLICATION_ROWS[i - 1]?.group !== row.group;
          const span = first ? APPLICATION_ROWS.filter((r) => r.group === row.group).length : 0;
          return (
            <tr key={row.code} data-row={row.code}>
              {first ? (
                <td className={`${label} w-24 text-slate-700`} rowSpan={span}>
                  {row.group}
                </td>
              ) : null}
              <td className={label} colSpan={nested ? 1 : 2}>
                {row.label}
              </td>
              {applications.rows[row.code].map((value, c) => {
                const href = value > 0 && cellHref ? cellHref(row.code, APPLICATION_COLUMNS[c]) : null;
                return (
                  <td key={c} className={td} data-column={APPLICATION_COLUMNS[c]}>
                    {href ? (
                      <a href={href} className="text-brand-700 underline">
                        {value}
                      </a>
                    ) : (
                      value
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function AppealsTable({ appeals, cellHref }: { appeals: Report["appeals"]; cellHref?: (group: string, column: string) => string | null }) {
  return (
    <table className="w-full border-collapse bg-white text-sm" data-testid="table-appeals">
      <caption className="mb-2 text-left font-semibold">{TITLES.appeals}</caption>
      <thead>
        <tr>
          <th className={th} colSpan={5} rowSpan={2}>
            行政复议
          </th>
          <th className={th} colSpan={10}>
            行政诉讼
          </th>
        </tr>
        <tr>
          {APPEAL_GROUPS.filter((g) => g.parent).map((g) => (
            <th key={g.code} className={th} colSpan={5}>
              {g.label}
            </th>
          ))}
        </tr>
        <tr>
          {APPEAL_GROUPS.flatMap((g) =>
            APPEAL_COLUMNS.map((c) => (
              <th key={`${g.code}-${c}`} className={th}>
                {APPEAL_COLUMN_LABELS[c]}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>
          {APPEAL_GROUPS.flatMap((g) =>
            appeals[g.code].map((v, i) => {
              const href = v > 0 && cellHref ? cellHref(g.code, APPEAL_COLUMNS[i]) : null;
              return (
                <td key={`${g.code}-${i}`} className={`${td} text-center`} data-group={g.code} data-column={APPEAL_COLUMNS[i]}>
                  {href ? (
                    <a href={href} className="text-brand-700 underline">
                      {v}
                    </a>
                  ) : (
                    v
                  )}
                </td>
              );
            }),
          )}
        </tr>
      </tbody>
    </table>
  );
}
