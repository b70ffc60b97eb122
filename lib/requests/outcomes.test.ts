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

  test("the six groups hold each of the 21 rows exactly once", () => {
    expect(OUTCOME_GROUPS.flatMap((g) => g.outcomes).sort()).toEqual([...OUTCOMES].sort());
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
