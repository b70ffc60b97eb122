import type { Proactive } from "./proactive";

export type Check = { id: string; ok: boolean; message: string; severity: "error" | "warning" };

/** The report JSON of interfaces.md (extended with `period`). */
export type Report = {
  agency: { code: string; name: string };
  year: number;
  period: { from: string; to: string };
  includeChildren: boolean;
  proactive: Proactive;
  applications: { columns: string[]; rows: Record<string, number[]> };
  appeals: { columns: string[]; review: number[]; suit_direct: number[]; suit_after_review: number[] };
  fees: { applications: number; amount_yuan: string };
  checks: Check[];
};
