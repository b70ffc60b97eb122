import type { CellRef, Grid, GridCell } from "@/lib/reports/grid";

const th = "border border-slate-400 bg-slate-100 px-2 py-1 font-medium";
const td = "border border-slate-400 px-2 py-1 text-right tabular-nums";
const label = "border border-slate-400 px-2 py-1 text-left";

/**
 * A statutory table of the annual report as the national layout prints it, from the one model
 * (lib/reports/grid.ts) the documents are rendered from too; every cell printed, 0 never blank.
 * `cellHref` links a value to what it counts (the drill-down) or to the form that enters it.
 */
export function StatutoryTable({ grid, cellHref }: { grid: Grid; cellHref?: (ref: CellRef, value: string) => string | null }) {
  const head = grid.rows.slice(0, grid.headerRows);
  const body = grid.rows.slice(grid.headerRows);
  const render = (cell: GridCell, key: number) => {
    if (cell.role === "header") {
      return (
        <th key={key} className={th} colSpan={cell.colSpan} rowSpan={cell.rowSpan}>
          {cell.text}
        </th>
      );
    }
    if (cell.role === "label") {
      return (
        <td key={key} className={`${label}${cell.rowSpan > 1 ? " w-24 text-slate-700" : ""}`} colSpan={cell.colSpan} rowSpan={cell.rowSpan}>
          {cell.text}
        </td>
      );
    }
    const href = cell.ref && cellHref ? cellHref(cell.ref, cell.text) : null;
    return (
      <td key={key} className={`${td}${grid.table === "appeals" ? " text-center" : ""}`} colSpan={cell.colSpan} data-group={grid.table === "appeals" ? cell.ref?.row : undefined} data-column={cell.ref?.column}>
        {href ? (
          <a href={href} className="text-brand-700 underline">
            {cell.text}
          </a>
        ) : (
          cell.text
        )}
      </td>
    );
  };
  return (
    <table className="w-full border-collapse bg-white text-sm" data-testid={`table-${grid.table}`}>
      <caption className="mb-2 text-left font-semibold">{grid.title}</caption>
      {head.length ? (
        <thead>
          {head.map((row, i) => (
            <tr key={i}>{row.cells.map(render)}</tr>
          ))}
        </thead>
      ) : null}
      <tbody>
        {body.map((row, i) => (
          <tr key={i} data-row={row.code}>
            {row.cells.map(render)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
