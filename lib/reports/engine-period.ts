/** A reporting period: a year, or any span of days for internal statistics. */
export type Period = { from: string; to: string };
export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });
