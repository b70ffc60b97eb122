import { z } from "zod";
import { pageNumberSchema } from "../validation";

/** The query string of /admin/audit: only the page, clamped (`?page=1e308` once gave HTTP 500). */
export const auditQuerySchema = z.object({ page: pageNumberSchema });
