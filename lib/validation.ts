import { z } from "zod";

/** Forms send blank strings for empty fields: blank is absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
}

/** Optional free text of at most `max` characters. */
export const optionalText = (max: number) => optional(z.string().trim().max(max, `不超过 ${max} 个字`));
