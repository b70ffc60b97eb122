import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../auth/actor";
import { canReadAgency } from "../auth/scope";
import { currentCalendar } from "../calendar/queries";
import { type Clock, clockOf, workdaysLeft } from "../deadlines/clock";
import { AppError } from "../errors";
import type { RequestView } from "../requests/queries";
import { livePauses, type PauseView } from "../requests/unit-of-work";

/**
 * A request's clock for its page, from the request the page already read (through the scoped
 * `getRequest`); the actor's reach is checked again here, the request is not read twice.
 */
export function getRequestClock(actor: Actor, request: RequestView, today: string): { clock: Clock; pauses: PauseView[]; left: number | null } {
  if (!canReadAgency(actor, request.agencyId)) throw new AppError("NOT_FOUND", "申请不存在或无权查看");
  const db = getDb();
  const calendar = currentCalendar(db);
  const pauses = livePauses(db, [request.id]).get(request.id) ?? [];
  const clock = clockOf(calendar, { ...request, pauses }, today);
  const left = clock.state === "running" && clock.due ? workdaysLeft(calendar, today, clock.due.date) : null;
  return { clock, pauses, left };
}
