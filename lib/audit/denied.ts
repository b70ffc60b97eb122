import "server-only";
import { getSqlite, writeTx } from "../../db";
import type { Actor } from "../auth/actor";
import { now } from "../time";
import { recordAudit } from "./record";

/**
 * Refused accesses (issue 13 item 4), recorded without one row per refusal: the first refusal of
 * an actor on a target in a minute is written at once (count 1); its repeats in that minute are
 * counted in memory and written as one row with their count once the minute is over — at the
 * next refusal, by a timer, or when the process exits. A written row is never updated.
 */

export type RefusalTarget = { objectType: string; objectId: string | null; agencyId?: string | null };

type Repeats = { actor: Actor; target: RefusalTarget; minute: number; count: number; file: string };

const MINUTE = 60_000;
const repeats = new Map<string, Repeats>();
let timer: ReturnType<typeof setTimeout> | null = null;
let exitHook = false;

const keyOf = (file: string, actor: Actor, target: RefusalTarget) => JSON.stringify([file, actor.id, actor.username, actor.role, target.objectType, target.objectId]);
const minuteIso = (minute: number) => new Date(minute * MINUTE).toISOString();

function entry(target: RefusalTarget, minute: number, count: number) {
  return { action: "access.denied", objectType: target.objectType, objectId: target.objectId, agencyId: target.agencyId, result: "denied" as const, detail: { count, minute: minuteIso(minute) } };
}

/** Takes the counted repeats of minutes before `minute` (all of them with `null`), of this database only. */
function takeDue(minute: number | null, file: string): Repeats[] {
  const due: Repeats[] = [];
  for (const [key, r] of repeats) {
    if (minute !== null && r.minute >= minute) continue;
    repeats.delete(key);
    if (r.count > 0 && r.file === file) due.push(r);
  }
  return due;
}

export function recordRefusal(actor: Actor, target: RefusalTarget): void {
  const file = getSqlite().name;
  const minute = Math.floor(now().getTime() / MINUTE);
  const due = takeDue(minute, file);
  const key = keyOf(file, actor, target);
  const current = repeats.get(key);
  if (current) current.count++;
  if (!current || due.length > 0) {
    writeTx((tx) => {
      for (const r of due) recordAudit(tx, r.actor, entry(r.target, r.minute, r.count));
      if (!current) recordAudit(tx, actor, entry(target, minute, 1));
    });
  }
  // Counted from here on only once the first is written.
  if (!current) repeats.set(key, { actor, target, minute, count: 0, file });
  schedule();
}

/** Writes the repeats counted so far: those of minutes over, or all of them (`all`, at exit). */
export function flushRefusals(options: { all?: boolean } = {}): void {
  if (repeats.size === 0) return;
  const due = takeDue(options.all ? null : Math.floor(now().getTime() / MINUTE), getSqlite().name);
  if (due.length === 0) return;
  writeTx((tx) => {
    for (const r of due) recordAudit(tx, r.actor, entry(r.target, r.minute, r.count));
  });
}

function flushQuietly(options: { all?: boolean }): void {
  try {
    flushRefusals(options);
  } catch (error) {
    console.error("refusals not recorded:", error);
  }
}

function schedule(): void {
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => flushQuietly({ all: true }));
  }
  if (timer || repeats.size === 0) return;
  const wait = MINUTE - (now().getTime() % MINUTE) + 1_000;
  timer = setTimeout(() => {
    timer = null;
    flushQuietly({});
    schedule();
  }, wait);
  timer.unref();
}
