import { beforeEach, describe, expect, test } from "vitest";
import { CLI_ACTOR } from "../auth/actor";
import { createRequest } from "../requests/mutations";
import { getRequest, listRequests } from "../requests/queries";
import { freshDatabase, makeAgencyTree, makeUser, requestInput, TODAY } from "../testing/db";
import { createAgency } from "./mutations";
import { scopeOf } from "../auth/scope";

function register(actor: Parameters<typeof createRequest>[0], serial: string) {
  return createRequest(actor, requestInput({ serial, receivedDate: "2026-04-01", applicantType: "natural", applicantName: "申请人", content: "内容" }), TODAY).id;
}

describe("agency scoping of queries", () => {
  beforeEach(() => {
    freshDatabase();
  });

  test("a clerk reads its own agency's requests only; another agency's are not found", async () => {
    makeAgencyTree();
    const eduClerk = await makeUser("edu-clerk", "clerk", "edu");
    const healthClerk = await makeUser("health-clerk", "clerk", "health");
    const eduRequest = register(eduClerk, "E-1");
    const healthRequest = register(healthClerk, "H-1");
    expect(listRequests(eduClerk, {}, TODAY).rows.map((r) => r.serial)).toEqual(["E-1"]);
    expect(getRequest(eduClerk, eduRequest).serial).toBe("E-1");
    expect(() => getRequest(eduClerk, healthRequest)).toThrow(/不存在或无权查看/);
    expect(() => getRequest(healthClerk, eduRequest)).toThrow(/不存在或无权查看/);
  });

  test("a supervisor of a parent agency reads its children; a child's supervisor not its parent or sibling", async () => {
    makeAgencyTree();
    const countyClerk = await makeUser("county-clerk", "clerk", "county");
    const eduClerk = await makeUser("edu-clerk", "clerk", "edu");
    const healthClerk = await makeUser("health-clerk", "clerk", "health");
    register(countyClerk, "C-1");
    register(eduClerk, "E-1");
    register(healthClerk, "H-1");
    const countySupervisor = await makeUser("county-sup", "supervisor", "county");
    const eduSupervisor = await makeUser("edu-sup", "supervisor", "edu");
    expect(listRequests(countySupervisor, {}, TODAY).rows.map((r) => r.serial).sort()).toEqual(["C-1", "E-1", "H-1"]);
    expect(listRequests(eduSupervisor, {}, TODAY).rows.map((r) => r.serial)).toEqual(["E-1"]);
    expect(listRequests(countyClerk, {}, TODAY).rows.map((r) => r.serial)).toEqual(["C-1"]);
  });

  test("the scope follows the tree to any depth", async () => {
    const { a } = makeAgencyTree();
    createAgency(CLI_ACTOR, { code: "school", name: "某中学", parentCode: "edu" });
    const countySupervisor = await makeUser("county-sup", "supervisor", "county");
    const ids = scopeOf(countySupervisor).read;
    expect(ids).toHaveLength(4);
    expect(ids).toContain(a.id);
  });

  test("an admin manages the system but does not read the register", async () => {
    makeAgencyTree();
    const admin = await makeUser("root", "admin", "county");
    expect(() => listRequests(admin, {}, TODAY)).toThrow(/无权/);
  });

  test("a user of no role that writes cannot register", async () => {
    makeAgencyTree();
    const auditor = await makeUser("aud", "auditor", "county");
    expect(() => register(auditor, "X")).toThrow(/无权/);
  });
});
