import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../auth/actor";
import { currentCalendar } from "../calendar/queries";
import { todayInChina } from "../dates";
import { getRequest } from "../requests/queries";
import { livePauses } from "./store";
import { type Clock, clockOf, workdaysLeft } from "./view";

export type PauseView = { id: string; kind: "third_party" | "other_agency" | "fee"; fromDate: string; toDate: string | null; note: string | null };

/** A request's clock for its page: scoped like the request itself. */
export function getRequestClock(actor: Actor, id: string, today = todayInChina()): { clock: Clock; pauses: PauseView[]; left: number | null } {
  const request = getRequest(actor, id);
  const db = getDb();
  const calendar = currentCalendar(db);
  const pauses = livePauses(db, [id]).get(id) ?? [];
  const clock = clockOf(calendar, { ...request, pauses }, today);
  const left = clock.state === "running" && clock.due ? workdaysLeft(calendar, today, clock.due.date) : null;
  return { clock, pauses, left };
}
