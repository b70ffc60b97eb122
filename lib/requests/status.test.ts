import { describe, expect, test } from "vitest";
import { REQUEST_STATUSES, type RequestStatus } from "./codes";
import { deriveStatus, type StatusFacts } from "./status";

/** No fact at all: a request just registered. */
const NONE: StatusFacts = {
  voided: false,
  voidPending: false,
  outcome: null,
  approvalPending: false,
  supplementNoticeDate: null,
  supplementedDate: null,
  openPauses: [],
  accepted: false,
  stepRecorded: false,
};
const f = (facts: Partial<StatusFacts>): StatusFacts => ({ ...NONE, ...facts });

describe("the status is derived from the facts (domain.md A7)", () => {
  const each: [string, Partial<StatusFacts>, RequestStatus][] = [
    ["nothing recorded", {}, "registered"],
    ["accepted (签收)", { accepted: true }, "in_progress"],
    ["a step recorded", { stepRecorded: true }, "in_progress"],
    ["a 补正 notice, no supplement yet", { supplementNoticeDate: "2024-03-04" }, "awaiting_supplement"],
    ["the supplement arrived", { supplementNoticeDate: "2024-03-04", supplementedDate: "2024-03-11", stepRecorded: true }, "in_progress"],
    ["a fee period open", { openPauses: ["fee"] }, "awaiting_fee"],
    ["a third-party consultation open (Art 32)", { openPauses: ["third_party"] }, "consulting"],
    ["a consultation of other agencies open (Art 34)", { openPauses: ["other_agency"] }, "consulting"],
    ["a reply draft or an extension awaiting a decision", { approvalPending: true }, "pending_approval"],
    ["an outcome recorded", { outcome: "disclose" }, "concluded"],
    ["voided", { voided: true }, "voided"],
    ["a void awaiting approval", { voidPending: true }, "pending_approval"],
  ];
  test.each(each)("%s → %s", (_name, facts, status) => {
    expect(deriveStatus(f(facts))).toBe(status);
  });

  test("every one of the eight statuses is produced by some facts", () => {
    expect(new Set(each.map(([, , s]) => s))).toEqual(new Set(REQUEST_STATUSES));
  });

  const precedence: [string, Partial<StatusFacts>, RequestStatus][] = [
    ["voided beats everything, an outcome included", { voided: true, outcome: "disclose", approvalPending: true, openPauses: ["fee"] }, "voided"],
    ["a void awaiting approval shows as pending_approval even when concluded", { voidPending: true, outcome: "disclose" }, "pending_approval"],
    ["an outcome beats a pending approval and open pauses", { outcome: "partial", approvalPending: true, openPauses: ["third_party"], supplementNoticeDate: "2024-03-04" }, "concluded"],
    ["a pending approval beats 补正 and pauses", { approvalPending: true, supplementNoticeDate: "2024-03-04", openPauses: ["fee"] }, "pending_approval"],
    ["补正 awaited beats an open fee period", { supplementNoticeDate: "2024-03-04", openPauses: ["fee", "third_party"] }, "awaiting_supplement"],
    ["an open fee period beats an open consultation", { openPauses: ["third_party", "fee"] }, "awaiting_fee"],
    ["an open consultation beats acceptance", { openPauses: ["other_agency"], accepted: true, stepRecorded: true }, "consulting"],
    ["an assignment not accepted and no step leaves it registered", { accepted: false, stepRecorded: false }, "registered"],
  ];
  test.each(precedence)("precedence: %s", (_name, facts, status) => {
    expect(deriveStatus(f(facts))).toBe(status);
  });
});
