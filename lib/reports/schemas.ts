import { z } from "zod";
import { queryText } from "../validation";

/** Whether a report sums the agencies below (the page's `?children=1`, a bound argument of 定稿). */
export const includeChildrenSchema = z.boolean({ message: "“含下级机构”的取值无效" });

/** The query string of /reports/[year]. */
export const reportQuerySchema = z.object({
  children: queryText(1).transform((v) => v === "1"),
  period: queryText(3),
});

// Tabs and line ends are text; other control characters (a NUL) would break the DOCX's XML.
const section = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "") : ""),
  z.string().max(20_000, "不超过 20000 个字"),
);

/** Sections 一、五、六 as the form sends them; their placeholders are checked when saved (lib/reports/annual.ts). */
export const narrativeSchema = z.object({ overview: section, problems: section, other: section });
