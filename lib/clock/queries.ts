import "server-only";
import { getDb } from "../../db";
import { canReadAgency } from "../agencies/queries";
import type { Actor } from "../auth/actor";
import { currentCalendar } from "../calendar/queries";
import { todayInChina } from "../dates";
import { AppError } from "../errors";
import type { RequestView } from "../requests/queries";
import { livePauses, type PauseView } from "./store";
import { type Clock, clockOf, workdaysLeft } from "./view";

/**
 * A request's clock for its page, from the request the page already read (through the scoped
 * `getRequest`); the actor's reach is checked again here, the request is not read twice.
 */
export function getRequestClock(actor: Actor, request: RequestView, today = todayInChina()): { clock: Clock; pauses: PauseView[]; left: number | null } {
  if (!canReadAgency(actor, request.agencyId)) throw new AppError("NOT_FOUND", "申请不存在或无权查看");
  const db = getDb();
  const calendar = currentCalendar(db);
  const pauses = livePauses(db, [request.id]).get(request.id) ?? [];
  const clock = clockOf(calendar, { ...request, pauses }, today);
  const left = clock.state === "running" && clock.due ? workdaysLeft(calendar, today, clock.due.date) : null;
  return { clock, pauses, left };
}
