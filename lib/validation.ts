import { z } from "zod";

/** Forms send blank strings for empty fields: blank is absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
}
