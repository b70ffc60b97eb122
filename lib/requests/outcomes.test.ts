import { describe, expect, test } from "vitest";
import { OUTCOMES } from "./codes";
import { OUTCOME_GROUPS, outcomeProblem, plainOutcomeLabel } from "./outcomes";

describe("choosing the outcome row (domain.md A1)", () => {
  const none = { withheldUnderExemptions: false, partNotAvailable: false };
  test.each([
    ["disclose", none, null],
    ["disclose", { withheldUnderExemptions: true, partNotAvailable: false }, /部分公开/],
    ["disclose", { withheldUnderExemptions: false, partNotAvailable: true }, null], // the officer's choice
    ["partial", { withheldUnderExemptions: false, partNotAvailable: true }, null],
    ["partial", { withheldUnderExemptions: true, partNotAvailable: false }, null],
    ["partial", none, /须有不予公开的部分/],
    ["withhold_process", none, null],
    ["other_other", none, null],
  ] as const)("%s with %j", (outcome, facts, expected) => {
    const problem = outcomeProblem(outcome, facts);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  test("the six groups hold each of the 21 rows exactly once, named and nested as report-format.json has them", () => {
    expect(OUTCOME_GROUPS.flatMap((g) => g.outcomes).sort()).toEqual([...OUTCOMES].sort());
    expect(OUTCOME_GROUPS.map((g) => [g.key, g.label, g.outcomes.length])).toEqual([
      ["一", "予以公开", 1],
      ["二", "部分公开", 1],
      ["三", "不予公开", 8],
      ["四", "无法提供", 3],
      ["五", "不予处理", 5],
      ["六", "其他处理", 3],
    ]);
  });

  test.each([
    ["disclose", "予以公开"],
    ["partial", "部分公开"],
    ["withhold_security_stability", "危及“三安全一稳定”"],
    ["other_other", "其他"],
  ] as const)("%s reads as %s without numbering", (code, label) => {
    expect(plainOutcomeLabel(code)).toBe(label);
  });
});
