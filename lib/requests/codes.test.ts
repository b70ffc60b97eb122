import { describe, expect, test } from "vitest";
import format from "../reports/report-format.json";
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, OUTCOMES } from "./codes";

describe("codes agree with report-format.json", () => {
  test("applicant columns, in order, with their labels", () => {
    const columns = format.applications.columns.filter((c) => c.code !== "total");
    expect(columns.map((c) => c.code)).toEqual([...APPLICANT_TYPES]);
    for (const c of columns) expect(APPLICANT_TYPE_LABELS[c.code as keyof typeof APPLICANT_TYPE_LABELS]).toBe(c.label);
  });

  test("the 21 outcome rows, in order", () => {
    const fixed = new Set(["new", "carried_in", "total", "carried_out"]);
    const rows = format.applications.rows.filter((r) => "code" in r && r.code && !fixed.has(r.code)).map((r) => (r as { code: string }).code);
    expect(rows).toEqual([...OUTCOMES]);
    expect(rows).toHaveLength(21);
  });
});
