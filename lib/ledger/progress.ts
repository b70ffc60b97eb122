/**
 * Where an import is: reading the file, checking its rows, writing them. `done` of `total`
 * rows in the phase (reading has no row count yet: 0 of 0). Importable anywhere (no server
 * code): the upload page shows it, the CLI prints it, the import worker posts it.
 */
export const IMPORT_PHASES = ["reading", "checking", "writing"] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];
export type ImportProgress = { phase: ImportPhase; done: number; total: number };
export type OnProgress = (progress: ImportProgress) => void;

export const IMPORT_PHASE_LABELS: Record<ImportPhase, string> = { reading: "读取文件", checking: "检查数据", writing: "写入数据库" };

/** How often a phase reports (every this many rows, and at its end). */
export const PROGRESS_EVERY = 2000;

/** The whole import's percentage: reading 0–10, checking 10–50, writing 50–100. */
export function importPercent(p: ImportProgress): number {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const [from, to] = p.phase === "reading" ? [0, 10] : p.phase === "checking" ? [10, 50] : [50, 100];
  return Math.floor(from + (to - from) * share);
}

/** One line of progress, as the CLI prints it and the page's screen-reader text says it. */
export function progressLine(p: ImportProgress): string {
  const rows = p.total > 0 ? `（${p.done}/${p.total} 行）` : "";
  return `${IMPORT_PHASE_LABELS[p.phase]}${rows} ${importPercent(p)}%`;
}
