import { beforeEach, expect, test } from "vitest";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { importRequestLedger } from "../ledger/requests";
import { freshDatabase, makeUser, TODAY } from "../testing/db";
import { listRequests } from "./queries";
import { listFilterSchema } from "./schemas";

beforeEach(async () => {
  freshDatabase();
  createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
  const file = ["serial,received_date,applicant_type,applicant_name,content", "A1,2024-03-01,natural,甲,申请公开abc文件"].join("\n");
  await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: Buffer.from(file), filename: "x.csv", today: TODAY });
});

/** Issue 13, item 5: `/requests?q=%00abc` ended SQLite's full-text query early (HTTP 500). */
test.each(["\u0000abc", "a\u0000bc", "abc\u0000", "\u0000", "\u0000ab"])("the register searched for %j answers, the control character ignored", async (q) => {
  const clerk = await makeUser("c", "clerk", "a");
  const result = listRequests(clerk, listFilterSchema.parse({ q }), TODAY);
  expect(result.rows.map((r) => r.serial)).toEqual(["A1"]);
});

test("a page far past the end is an empty page, not an error", async () => {
  const clerk = await makeUser("c", "clerk", "a");
  expect(listRequests(clerk, listFilterSchema.parse({ page: "1e308" }), TODAY)).toMatchObject({ rows: [], total: 1 });
});
