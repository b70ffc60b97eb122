import { type Grid, reportGrids } from "./grid";
import type { Report } from "./types";

/**
 * The three tables as one self-contained HTML page (rowspan/colspan as published), ready to
 * paste into a website's CMS or print on A4. Every cell printed; 0 never blank.
 */
const esc = (v: string | number) => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One statutory table from the model (lib/reports/grid.ts): headings as <th>, spans as published. */
function gridTable(grid: Grid): string {
  const rows = grid.rows.map((row) => {
    const cells = row.cells.map((cell) => {
      const tag = cell.role === "header" ? "th" : "td";
      const spans = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ""}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}`;
      return `<${tag}${cell.role === "value" ? ' class="n"' : ""}${spans}>${esc(cell.text)}</${tag}>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table>${rows.join("")}</table>`;
}

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => `<p>${esc(line)}</p>`)
    .join("\n");

/** `narrative` is the text of sections 一、五、六 with its placeholders already filled. */
export function reportHtml(report: Report, narrative?: { overview: string; problems: string; other: string }): string {
  const title = `${report.agency.name}${report.year}年政府信息公开工作年度报告`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong", "仿宋_GB2312", "仿宋", "STFangsong", serif; font-size: 16pt; line-height: 1.6; color: #000; max-width: 180mm; margin: 0 auto; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", serif; font-size: 22pt; font-weight: normal; text-align: center; }
h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.5em; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; margin-bottom: 1em; }
th, td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
td.n { text-align: center; }
</style></head>
<body>
<h1>${esc(title)}</h1>
<p>本报告所列数据的统计期限自${report.period.from.slice(0, 4)}年${Number(report.period.from.slice(5, 7))}月${Number(report.period.from.slice(8, 10))}日起至${report.period.to.slice(0, 4)}年${Number(report.period.to.slice(5, 7))}月${Number(report.period.to.slice(8, 10))}日止。</p>
${narrative ? `<h2>一、总体情况</h2>\n${paragraphs(narrative.overview)}` : ""}
${reportGrids(report)
  .map((grid) => `<h2>${esc(grid.title)}</h2>\n${gridTable(grid)}`)
  .join("\n")}
${narrative ? `<h2>五、存在的主要问题及改进情况</h2>\n${paragraphs(narrative.problems)}` : ""}
<h2>六、其他需要报告的事项</h2>
${narrative ? paragraphs(narrative.other) : `<p>本年度收取信息处理费${report.fees.applications}件，金额${esc(report.fees.amount_yuan)}元。</p>`}
</body></html>
`;
}
