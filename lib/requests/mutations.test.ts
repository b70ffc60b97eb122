import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { freshDatabase, makeUser, requestInput, TODAY } from "../testing/db";
import { concludeRequest, createRequest, updateRequest, withdrawRequest } from "./mutations";
import { getRequest, listHandlers, listRequests, listTimeline, proposeSerial } from "./queries";
import { concludeSchema, createRequestSchema, updateRequestSchema } from "./schemas";
import { assignRequest } from "../work/assignment";

describe("requests: create, edit, conclude, withdraw", () => {
  let clerk: Awaited<ReturnType<typeof makeUser>>;
  let supervisor: Awaited<ReturnType<typeof makeUser>>;
  beforeEach(async () => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    createAgency(CLI_ACTOR, { code: "b", name: "乙机关" });
    clerk = await makeUser("clerk", "clerk", "a");
    supervisor = await makeUser("sup", "supervisor", "a");
  });

  const edit = (id: string, changes: Record<string, string>) => {
    const r = getRequest(clerk, id, { revealPii: true });
    return updateRequestSchema.parse({
      serial: r.serial,
      applicantType: r.applicantType,
      applicantName: r.applicantName,
      channel: r.channel,
      arrivedDate: r.arrivedDate,
      content: r.content,
      version: String(r.version),
      ...changes,
    });
  };

  test("creating stores the derived receipt date, a timeline event and the status 登记", () => {
    const input = createRequestSchema.parse({ serial: "2026-0001", channel: "online", arrivedDate: "2026-03-02", confirmedDate: "2026-03-04", applicantType: "natural", applicantName: "张三", content: "x" });
    const { id } = createRequest(clerk, input, TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ receivedDate: "2026-03-04", status: "registered", version: 1 });
    expect(listTimeline(clerk, id).map((e) => e.kind)).toEqual(["registered"]);
  });

  test("a receipt date other than the derived one needs a reason; a future one is refused", () => {
    const base = { serial: "1", channel: "in_person", arrivedDate: "2026-03-02", applicantType: "natural", applicantName: "张三", content: "x" };
    expect(createRequestSchema.safeParse({ ...base, receivedDate: "2026-03-03" }).error?.issues[0]).toMatchObject({ path: ["receivedDateReason"] });
    expect(createRequestSchema.safeParse({ ...base, receivedDate: "2026-03-03", receivedDateReason: "周末投递，周一签收" }).success).toBe(true);
    // After today (given by the caller, never read from the clock here) is refused under its field.
    const future = createRequestSchema.parse({ ...base, arrivedDate: "2027-01-04" });
    expect(() => createRequest(clerk, future, TODAY)).toThrow(expect.objectContaining({ field: "arrivedDate", message: expect.stringMatching(/不能晚于今天（2026-12-31）/) }));
    expect(createRequest(clerk, future, "2027-01-04").id).toBeTruthy();
  });

  test("serials: proposed per agency and year, unique within the agency, free across agencies", async () => {
    expect(proposeSerial(clerk, 2026)).toBe("2026-0001");
    createRequest(clerk, requestInput({ serial: "2026-0001" }), TODAY);
    createRequest(clerk, requestInput({ serial: "2026-0009" }), TODAY);
    createRequest(clerk, requestInput({ serial: "2025-0100" }), TODAY);
    expect(proposeSerial(clerk, 2026)).toBe("2026-0010");
    expect(() => createRequest(clerk, requestInput({ serial: "2026-0001" }), TODAY)).toThrow(/已被本机关/);
    const other = await makeUser("other", "clerk", "b");
    expect(() => createRequest(other, requestInput({ serial: "2026-0001" }), TODAY)).not.toThrow();
  });

  test("a field left blank on the edit form clears what was stored (the form writes every field)", () => {
    const { id } = createRequest(clerk, requestInput({ notes: "备注", address: "某路 1 号" }), TODAY);
    updateRequest(clerk, id, edit(id, { address: "某路 2 号" }), TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ notes: null, address: "某路 2 号" });
  });

  test("the handler is a user of the agency; an imported name is kept and shown while no user is set", async () => {
    const colleague = await makeUser("wang", "clerk", "a");
    getSqlite().prepare("UPDATE users SET display_name = '王承办' WHERE id = ?").run(colleague.id);
    const { id } = createRequest(clerk, requestInput({ serial: "H-1", handler: "台账里的李" }), TODAY);
    expect(getRequest(clerk, id).handlerName).toBe("台账里的李");
    expect(listRequests(clerk, { handler: "台账里的李" }, TODAY).rows.map((r) => r.serial)).toEqual(["H-1"]);

    // Editing the registration never changes the handler (a user): that is an assignment (lib/work).
    updateRequest(clerk, id, edit(id, { handlerUserId: colleague.id as string, handler: "台账里的李" }), TODAY);
    expect(getRequest(clerk, id).handlerUserId).toBeNull();
    assignRequest(supervisor, id, { version: getRequest(clerk, id).version, handlerUserId: colleague.id as string });
    expect(getRequest(clerk, id)).toMatchObject({ handlerUserId: colleague.id as string, handler: "台账里的李", handlerName: "王承办" });
    expect(listRequests(clerk, {}, TODAY).rows[0].handler).toBe("王承办");
    expect(listRequests(clerk, { handler: "王承办" }, TODAY).rows.map((r) => r.serial)).toEqual(["H-1"]);
    expect(listRequests(clerk, { handler: "台账里的李" }, TODAY).rows).toEqual([]);
    // The filter's choices are the names the register shows: not the text a user now stands for.
    createRequest(clerk, requestInput({ serial: "H-5", handler: "台账里的张" }), TODAY);
    createRequest(clerk, requestInput({ serial: "H-6", handler: "台账里的张" }), TODAY);
    expect(listHandlers(clerk)).toEqual(["台账里的张", "王承办"]);

    const outsider = await makeUser("outsider", "clerk", "b");
    const auditor = await makeUser("auditor", "auditor", "a");
    for (const who of [outsider, auditor]) {
      expect(() => assignRequest(supervisor, id, { version: getRequest(clerk, id).version, handlerUserId: who.id as string })).toThrow(expect.objectContaining({ field: "handlerUserId" }));
      expect(() => createRequest(supervisor, requestInput({ serial: `H-${who.username}`, handlerUserId: who.id as string }), TODAY)).toThrow(expect.objectContaining({ field: "handlerUserId" }));
    }
    // A clerk assigns at registration only where the agency allows it.
    expect(() => createRequest(clerk, requestInput({ serial: "H-3", handlerUserId: colleague.id as string }), TODAY)).toThrow(/审核负责人/);
    getSqlite().prepare("UPDATE users SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(colleague.id);
    expect(() => createRequest(supervisor, requestInput({ serial: "H-2", handlerUserId: colleague.id as string }), TODAY)).toThrow(/在岗/);
  });

  test("an edit bumps the version; a stale edit is refused and overwrites nothing", () => {
    const { id } = createRequest(clerk, requestInput({ applicantName: "张三" }), TODAY);
    const first = edit(id, { handler: "甲" });
    const stale = edit(id, { handler: "乙" });
    updateRequest(clerk, id, first, TODAY);
    expect(() => updateRequest(clerk, id, stale, TODAY)).toThrow(/已被他人修改/);
    expect(getRequest(clerk, id)).toMatchObject({ handler: "甲", version: 2 });
    const updates = getSqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'request.update'").get() as { n: number };
    expect(updates.n).toBe(1);
  });

  test("recording a conclusion stores one outcome, the date and the status 已办结; 区分处理 must be 部分公开", () => {
    const { id } = createRequest(clerk, requestInput({ receivedDate: "2026-03-02" }), TODAY);
    const conclude = (fields: Record<string, string>) => concludeSchema.parse({ version: String(getRequest(clerk, id).version), concludedDate: "2026-03-20", ...fields });
    // A reply is the approvers' to issue: a clerk drafts it (lib/work), only an abandonment is theirs to record.
    expect(() => concludeRequest(clerk, id, conclude({ outcome: "disclose" }), TODAY)).toThrow(/拟办/);
    expect(() => concludeRequest(supervisor, id, conclude({ outcome: "disclose", withheldUnderExemptions: "on" }), TODAY)).toThrow(/部分公开/);
    expect(() => concludeRequest(supervisor, id, conclude({ outcome: "disclose", concludedDate: "2026-03-01" }), TODAY)).toThrow(/不能早于收到申请之日/);
    concludeRequest(supervisor, id, conclude({ outcome: "partial", withheldUnderExemptions: "on", replyNumber: "甲公开〔2026〕3号" }), TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ outcome: "partial", concludedDate: "2026-03-20", status: "concluded", withheldUnderExemptions: true, replyNumber: "甲公开〔2026〕3号" });
    expect(listTimeline(clerk, id).map((e) => e.kind)).toEqual(["registered", "concluded"]);
    // A correction is possible, by a supervisor, and recorded as one.
    expect(() => concludeRequest(clerk, id, conclude({ outcome: "other_no_supplement" }), TODAY)).toThrow(/更正办理结果须由审核负责人/);
    concludeRequest(supervisor, id, conclude({ outcome: "withhold_process" }), TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ outcome: "withhold_process", withheldUnderExemptions: false });
    expect(listTimeline(clerk, id).at(-1)?.kind).toBe("reconcluded");
  });

  test("a withdrawal concludes as other_other on the day the withdrawal was received", () => {
    const { id } = createRequest(clerk, requestInput({ receivedDate: "2026-03-02" }), TODAY);
    withdrawRequest(clerk, id, { version: 1, withdrawnDate: "2026-03-05" }, TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ outcome: "other_other", concludedDate: "2026-03-05", status: "concluded" });
    expect(() => withdrawRequest(clerk, id, { version: 2, withdrawnDate: "2026-03-06" }, TODAY)).toThrow(/已办结/);
  });

  test("another agency's clerk can neither read nor change the request", async () => {
    const { id } = createRequest(clerk, requestInput(), TODAY);
    const other = await makeUser("other", "clerk", "b");
    expect(() => getRequest(other, id)).toThrow(/不存在或无权查看/);
    expect(() => updateRequest(other, id, edit(id, { handler: "x" }), TODAY)).toThrow(/不存在或无权查看/);
    expect(() => withdrawRequest(other, id, { version: 1, withdrawnDate: "2026-03-05" }, TODAY)).toThrow(/不存在或无权查看/);
  });

  test("an auditor reads but cannot change", async () => {
    const { id } = createRequest(clerk, requestInput(), TODAY);
    const auditor = await makeUser("aud", "auditor", "a");
    expect(getRequest(auditor, id).serial).toBe("2026-0001");
    expect(() => withdrawRequest(auditor, id, { version: 1, withdrawnDate: "2026-03-05" }, TODAY)).toThrow(/无权/);
  });

  test("the list filters by status, type, outcome, dates, handler and text", () => {
    const a = createRequest(clerk, requestInput({ serial: "A", applicantName: "张三", content: "城市规划批复文件", handler: "李", receivedDate: "2026-01-05" }), TODAY).id;
    createRequest(clerk, requestInput({ serial: "B", applicantType: "commercial", applicantName: "某公司", content: "拆迁补偿标准", receivedDate: "2026-02-05" }), TODAY);
    concludeRequest(supervisor, a, concludeSchema.parse({ version: "1", outcome: "disclose", concludedDate: "2026-01-20" }), TODAY);
    const serials = (f: object) => listRequests(clerk, f, TODAY).rows.map((r) => r.serial);
    expect(serials({})).toEqual(["B", "A"]);
    expect(serials({ sort: "received_asc" })).toEqual(["A", "B"]);
    expect(serials({ status: "concluded" })).toEqual(["A"]);
    expect(serials({ type: "commercial" })).toEqual(["B"]);
    expect(serials({ outcome: "open" })).toEqual(["B"]);
    expect(serials({ outcome: "disclose" })).toEqual(["A"]);
    expect(serials({ from: "2026-02-01" })).toEqual(["B"]);
    expect(serials({ cfrom: "2026-01-01", cto: "2026-01-31" })).toEqual(["A"]);
    expect(serials({ handler: "李" })).toEqual(["A"]);
    expect(serials({ q: "规划批复" })).toEqual(["A"]); // trigram index
    expect(serials({ q: "张三" })).toEqual(["A"]); // two characters: a scan
    expect(serials({ q: "补偿" })).toEqual(["B"]);
    expect(serials({ q: '"%_' })).toEqual([]);
  });

  test("the search index follows edits", () => {
    const { id } = createRequest(clerk, requestInput({ content: "原来的内容文字" }), TODAY);
    updateRequest(clerk, id, edit(id, { content: "修改后的申请事项" }), TODAY);
    expect(listRequests(clerk, { q: "原来的内容" }, TODAY).total).toBe(0);
    expect(listRequests(clerk, { q: "修改后的申请" }, TODAY).total).toBe(1);
  });
});
