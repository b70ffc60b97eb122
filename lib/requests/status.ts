import type { PauseKind } from "../calendar/codes";
import type { RequestStatus } from "./codes";

/**
 * The recorded facts a request's status is derived from (domain.md A7). The status is never
 * typed: the unit of work derives it with every change and stores it for the register's filter.
 * `voided`, `voidPending`, `approvalPending` and `accepted` are recorded by the work on a request
 * (assignment, approvals, void: domain.md A8, lib/work).
 */
export type StatusFacts = {
  voided: boolean;
  voidPending: boolean;
  outcome: string | null;
  /** A reply draft or an extension awaits a decision. */
  approvalPending: boolean;
  supplementNoticeDate: string | null;
  supplementedDate: string | null;
  /** The kinds of the pauses still open (no end recorded). */
  openPauses: readonly PauseKind[];
  /** The handler accepted it (签收). */
  accepted: boolean;
  /** Some step of handling is on the timeline (a clock fact, an import from a ledger, …). */
  stepRecorded: boolean;
};

/** A7, in its order: the first that holds decides. */
export function deriveStatus(f: StatusFacts): RequestStatus {
  if (f.voided) return "voided";
  if (f.voidPending) return "pending_approval";
  if (f.outcome !== null) return "concluded";
  if (f.approvalPending) return "pending_approval";
  if (f.supplementNoticeDate && !f.supplementedDate) return "awaiting_supplement";
  if (f.openPauses.includes("fee")) return "awaiting_fee";
  if (f.openPauses.includes("third_party") || f.openPauses.includes("other_agency")) return "consulting";
  if (f.accepted || f.stepRecorded) return "in_progress";
  return "registered";
}
