import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { getRequest, listTimeline } from "../requests/queries";
import { createRequest } from "../requests/mutations";
import { freshDatabase, makeAgencyTree, makeUser, requestInput, TODAY } from "../testing/db";
import { importAppealFile } from "./files";
import { saveAppeal } from "./mutations";
import { listAppealsOfRequest } from "./queries";
import { appealSchema } from "./schemas";

type User = Awaited<ReturnType<typeof makeUser>>;
const count = (sql: string) => (getSqlite().prepare(sql).get() as { n: number }).n;
const CASE = "某复〔2024〕7号";
const form = (fields: Record<string, string> = {}) =>
  appealSchema.parse({ caseNumber: CASE, kind: "review", afterReview: "false", filedDate: "2024-05-06", result: "pending", ...fields });

describe("a case is written one way, with the version the writer saw", () => {
  let clerk: User;
  let other: User;
  let supervisor: User;
  let requestId: string;
  beforeEach(async () => {
    freshDatabase();
    makeAgencyTree();
    clerk = await makeUser("clerk", "clerk", "edu");
    other = await makeUser("clerk2", "clerk", "edu");
    supervisor = await makeUser("sup", "supervisor", "edu");
    requestId = createRequest(clerk, requestInput({ receivedDate: "2024-03-01", serial: "2024-0001" }), TODAY).id;
  });
  const stored = () => listAppealsOfRequest(clerk, requestId);

  test("two saves of the same case from the same page: the first wins, the second is refused and writes nothing", () => {
    saveAppeal(clerk, requestId, form());
    const seen = stored()[0].version;
    saveAppeal(clerk, requestId, form({ version: String(seen), decidingBody: "某县人民政府", decision: "维持决定", decidedDate: "2024-07-01" }));
    const audits = count("SELECT count(*) AS n FROM audit_log");
    const version = getRequest(clerk, requestId).version;
    expect(() => saveAppeal(other, requestId, form({ version: String(seen), decision: "撤销", decidedDate: "2024-07-02" }))).toThrow(
      expect.objectContaining({ code: "CONFLICT", message: expect.stringMatching(/已被他人修改/) }),
    );
    expect(stored()).toMatchObject([{ decision: "维持决定", decidedDate: "2024-07-01", version: seen + 1 }]);
    expect(count("SELECT count(*) AS n FROM audit_log")).toBe(audits);
    expect(getRequest(clerk, requestId).version).toBe(version);
  });

  test("two registrations of one case number: the second is refused and pointed to 修改", () => {
    saveAppeal(clerk, requestId, form());
    expect(() => saveAppeal(other, requestId, form({ result: "pending", filedDate: "2024-05-07" }))).toThrow(
      expect.objectContaining({ code: "CONFLICT", field: "caseNumber", message: expect.stringMatching(/已登记.*修改/) }),
    );
    expect(stored()).toMatchObject([{ filedDate: "2024-05-06", version: 1 }]);
  });

  test("the appeals file goes the same way: an update is a timeline event, a re-import changes nothing, and a form opened before it is stale", async () => {
    saveAppeal(clerk, requestId, form());
    const file = (decision: string, decided: string) =>
      Buffer.from(["case_number,request_serial,kind,after_review,filed_date,result,decision,decided_date", `${CASE},2024-0001,review,,2024-05-06,pending,${decision},${decided}`].join("\n"));
    const first = await importAppealFile(supervisor, { agencyCode: "edu", bytes: file("维持决定", "2024-07-01"), filename: "a.csv" });
    expect(first).toMatchObject({ ok: true, updated: 1, inserted: 0 });
    const again = await importAppealFile(supervisor, { agencyCode: "edu", bytes: file("维持决定", "2024-07-01"), filename: "a.csv" });
    expect(again).toMatchObject({ ok: true, unchanged: 1, updated: 0 });
    expect(stored()).toMatchObject([{ decision: "维持决定", result: "upheld", version: 2 }]);
    expect(listTimeline(clerk, requestId).map((e) => e.summary)).toEqual([expect.any(String), `登记行政复议案件 ${CASE}`, `更新行政复议案件 ${CASE}`]);
    expect(() => saveAppeal(clerk, requestId, form({ version: "1" }))).toThrow(expect.objectContaining({ code: "CONFLICT" }));
  });
});
