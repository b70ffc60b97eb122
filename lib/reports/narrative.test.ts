import { expect, test } from "vitest";
import { OUTCOMES } from "../requests/codes";
import { DEFAULT_NARRATIVE, PLACEHOLDER_NAMES, placeholderValues, renderNarrative, unknownPlaceholders } from "./narrative";
import type { Report } from "./types";

const rows = Object.fromEntries(["new", "carried_in", "total", "carried_out", ...OUTCOMES].map((r) => [r, [0, 0, 0, 0, 0, 0, 0]]));
rows.new[6] = 28;
rows.total[6] = 28;
rows.disclose[6] = 20;
rows.withhold_law[6] = 7;
rows.withhold_process[6] = 1;
const report = {
  year: 2024,
  applications: { columns: [], rows },
  appeals: { columns: [], review: [8, 1, 0, 0, 9], suit_direct: [0, 0, 0, 0, 0], suit_after_review: [3, 0, 0, 0, 3] },
  fees: { applications: 0, amount_yuan: "0" },
  proactive: { normative_documents: { issued: 3, abolished: 0, in_force: 48 } },
} as unknown as Report;

test("every number in the generated narrative is its table cell", () => {
  const { text, unknown } = renderNarrative(DEFAULT_NARRATIVE.overview, report);
  expect(unknown).toEqual([]);
  expect(text).toContain("共收到政府信息公开申请28件");
  expect(text).toContain("予以公开20件");
  expect(text).toContain("不予公开8件");
  expect(text).toContain("行政复议案件9件、行政诉讼案件3件");
  expect(text).toContain("现行有效的行政规范性文件48件");
  expect(text).not.toMatch(/\{\{/);
});

test("an unknown placeholder stays visible and is reported", () => {
  expect(renderNarrative("共{{新收}}件，{{不存在}}", report)).toEqual({ text: "共28件，{{不存在}}", unknown: ["不存在"] });
});

test.each([
  ["{{新收}}{{ 办结 }}", []],
  ["{{新收件数}}", ["新收件数"]],
  ["{{constructor}}、{{hasOwnProperty}}、{{constructor}}", ["constructor", "hasOwnProperty"]],
  ["{{新收 件数}}", ["新收 件数"]],
  ["{{}}", [""]],
  ["没有占位符", []],
])("unknownPlaceholders(%j) is %j", (text, unknown) => {
  expect(unknownPlaceholders(text)).toEqual(unknown);
});

test("a name of Object.prototype is no placeholder: it stays visible and is reported (never the function's source)", () => {
  expect(renderNarrative("{{constructor}}{{__proto__}}", report)).toEqual({ text: "{{constructor}}{{__proto__}}", unknown: ["constructor", "__proto__"] });
});

test("the list of placeholders is exactly the names that have a value", () => {
  expect(Object.keys(placeholderValues(report)).sort()).toEqual([...PLACEHOLDER_NAMES].sort());
});
