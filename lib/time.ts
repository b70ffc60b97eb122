/**
 * The one place that reads the system clock (issue 10): the instant now, and today's date
 * where the agencies are. Everything else under lib/ is given today by its caller — the Server
 * Action, route handler, page or CLI command at the edge — so every rule can be tested on any
 * day. Tests may set the clock.
 */

let fixed: Date | null = null;

/** The current instant (or the one a test set). */
export function now(): Date {
  return fixed ? new Date(fixed.getTime()) : new Date();
}

/** An instant as stored: ISO-8601 UTC text. */
export function nowIso(): string {
  return now().toISOString();
}

/** Today's date in Beijing (UTC+8, no daylight saving), whatever the server's zone. */
export function todayInChina(at: Date = now()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** For tests only: freeze the clock at an instant (`null` lets it run again). */
export function setClockForTests(at: Date | string | null): void {
  fixed = at === null ? null : new Date(at);
}
