import "server-only";
import { getDb } from "../../db";
import { readCalendar } from "./store";
import type { Calendar } from "./workdays";

/** The working-day calendar as the database holds it now. */
export function currentCalendar(): Calendar {
  return readCalendar(getDb());
}
