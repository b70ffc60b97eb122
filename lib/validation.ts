import { z } from "zod";

/** Forms send blank strings for empty fields: blank is absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
}

/** Optional free text of at most `max` characters. */
export const optionalText = (max: number) => optional(z.string().trim().max(max, `不超过 ${max} 个字`));

/**
 * C0 and C1 control characters and DEL. None belongs in a search, a name or a file name; a NUL
 * in the register's search once ended the full-text query early and gave HTTP 500 (issue 13).
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/gu;

export function stripControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "");
}

/**
 * The first value of each query-string parameter (`?a=1&a=2` is `a=1`): a page's search params
 * as Next.js hands them over, before that page's schema reads them.
 */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/** Text from the query string: control characters dropped, trimmed, cut to `max`; blank is absent. */
export const queryText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? stripControlCharacters(v).trim().slice(0, max) || undefined : undefined), z.string().optional());

/** The highest page number a list accepts; a larger one shows this page (empty, with a link back). */
export const MAX_PAGE = 100_000;

/** A page number from the query string, clamped to 1…MAX_PAGE (`1e308` is the last page, `abc` the first). */
export const pageNumberSchema = z.coerce
  .number()
  .catch(1)
  .transform((n) => (Number.isFinite(n) ? Math.min(MAX_PAGE, Math.max(1, Math.floor(n))) : 1));

/**
 * A year as the pages, reports and the calendar take it: a whole number from 2000 to 2100, given
 * as a number or as four digits (a bound argument of a Server Action arrives as the client sent it).
 */
export const yearSchema = z.preprocess(
  (v) => (typeof v === "string" && /^\d{4}$/.test(v) ? Number(v) : v),
  z.number({ message: "年份应为 2000 至 2100 之间的整数" }).int("年份应为 2000 至 2100 之间的整数").min(2000, "年份应为 2000 至 2100 之间的整数").max(2100, "年份应为 2000 至 2100 之间的整数"),
);
