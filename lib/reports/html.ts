import { APPEAL_COLUMN_LABELS, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICATION_COLUMN_LABELS, APPLICATION_COLUMNS, APPLICATION_ROWS, PROACTIVE_BLOCKS, TITLES } from "./layout";
import type { Report } from "./types";

/**
 * The three tables as one self-contained HTML page (rowspan/colspan as published), ready to
 * paste into a website's CMS or print on A4. Every cell printed; 0 never blank.
 */
const esc = (v: string | number) => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function proactiveTable(report: Report): string {
  const figures = report.proactive as unknown as Record<string, Record<string, string | number>>;
  const rows: string[] = [];
  for (const block of PROACTIVE_BLOCKS) {
    const span = block.columns.length === 1 ? ' colspan="3"' : "";
    rows.push(`<tr><th colspan="4">${esc(block.heading)}</th></tr>`);
    rows.push(`<tr><th>${esc(TITLES.proactiveItemHeader)}</th>${block.columns.map((c) => `<th${span}>${esc(c.label)}</th>`).join("")}</tr>`);
    for (const row of block.rows) rows.push(`<tr><td>${esc(row.label)}</td>${block.columns.map((c) => `<td class="n"${span}>${esc(figures[row.code][c.code])}</td>`).join("")}</tr>`);
  }
  return `<table>${rows.join("")}</table>`;
}

function applicationsTable(report: Report): string {
  const others = APPLICATION_COLUMNS.filter((c) => c !== "natural" && c !== "total");
  const head = [
    `<tr><th colspan="3" rowspan="3">${esc(TITLES.applicationsNote)}</th><th colspan="7">${esc(TITLES.applicationsColumnHeader)}</th></tr>`,
    `<tr><th rowspan="2">${esc(APPLICATION_COLUMN_LABELS.natural)}</th><th colspan="5">法人或其他组织</th><th rowspan="2">${esc(APPLICATION_COLUMN_LABELS.total)}</th></tr>`,
    `<tr>${others.map((c) => `<th>${esc(APPLICATION_COLUMN_LABELS[c])}</th>`).join("")}</tr>`,
  ];
  const outcomeRows = APPLICATION_ROWS.filter((r) => r.group);
  const body = APPLICATION_ROWS.map((row, i) => {
    const cells = report.applications.rows[row.code].map((v) => `<td class="n">${v}</td>`).join("");
    let labels: string;
    if (!row.group) labels = `<td colspan="3">${esc(row.label)}</td>`;
    else {
      const outer = row === outcomeRows[0] ? `<td rowspan="${outcomeRows.length}">${esc(outcomeRows[0].group as string)}</td>` : "";
      const nested = row.group.startsWith("（");
      const firstOfGroup = nested && APPLICATION_ROWS[i - 1]?.group !== row.group;
      const span = APPLICATION_ROWS.filter((r) => r.group === row.group).length;
      labels = outer + (nested ? `${firstOfGroup ? `<td rowspan="${span}">${esc(row.group)}</td>` : ""}<td>${esc(row.label)}</td>` : `<td colspan="2">${esc(row.label)}</td>`);
    }
    return `<tr>${labels}${cells}</tr>`;
  });
  return `<table>${head.join("")}${body.join("")}</table>`;
}

function appealsTable(report: Report): string {
  const suits = APPEAL_GROUPS.filter((g) => g.parent);
  return `<table>
<tr><th colspan="5" rowspan="2">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr>${suits.map((g) => `<th colspan="5">${esc(g.label)}</th>`).join("")}</tr>
<tr>${APPEAL_GROUPS.map(() => APPEAL_COLUMNS.map((c) => `<th>${esc(APPEAL_COLUMN_LABELS[c])}</th>`).join("")).join("")}</tr>
<tr>${APPEAL_GROUPS.map((g) => report.appeals[g.code].map((v) => `<td class="n">${v}</td>`).join("")).join("")}</tr>
</table>`;
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
<h2>${esc(TITLES.proactive)}</h2>
${proactiveTable(report)}
<h2>${esc(TITLES.applications)}</h2>
${applicationsTable(report)}
<h2>${esc(TITLES.appeals)}</h2>
${appealsTable(report)}
${narrative ? `<h2>五、存在的主要问题及改进情况</h2>\n${paragraphs(narrative.problems)}` : ""}
<h2>六、其他需要报告的事项</h2>
${narrative ? paragraphs(narrative.other) : `<p>本年度收取信息处理费${report.fees.applications}件，金额${esc(report.fees.amount_yuan)}元。</p>`}
</body></html>
`;
}
