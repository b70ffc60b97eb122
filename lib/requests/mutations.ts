import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type Tx, writeTx } from "../../db";
import { requestEvents, requests } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { sealPii } from "../pii/crypto";
import type { CreateRequestInput } from "./schemas";

export function recordEvent(tx: Tx, actor: Actor, requestId: string, kind: string, summary: string, data?: unknown): void {
  tx.insert(requestEvents)
    .values({ requestId, actorId: actor.id, kind, summary, data: data === undefined ? null : JSON.stringify(data) })
    .run();
}

/** Registers a request in the actor's own agency; personal data is sealed before it is written. */
export function createRequest(actor: Actor, input: CreateRequestInput): { id: string } {
  if (actor.role === "system" || !can(actor.role, "requests.write")) throw new AppError("FORBIDDEN", "无权登记申请");
  if (!actor.agencyId) throw new AppError("FORBIDDEN", "账号未关联机构");
  const agencyId = actor.agencyId;
  return writeTx((tx) => {
    const clash = tx
      .select({ id: requests.id })
      .from(requests)
      .where(and(eq(requests.agencyId, agencyId), eq(requests.serial, input.serial)))
      .get();
    if (clash) throw new AppError("CONFLICT", `编号 ${input.serial} 已被本机关的其他申请使用`, "serial", `serial ${input.serial} exists`);
    const id = randomUUID();
    const idNumber = sealPii("id_number", input.idNumber);
    const creditCode = sealPii("credit_code", input.creditCode);
    const phone = sealPii("phone", input.phone);
    tx.insert(requests)
      .values({
        id,
        agencyId,
        serial: input.serial,
        receivedDate: input.receivedDate,
        channel: input.channel,
        applicantType: input.applicantType,
        applicantName: input.applicantName,
        idNumberEnc: idNumber.enc,
        idNumberHash: idNumber.hash,
        creditCodeEnc: creditCode.enc,
        creditCodeHash: creditCode.hash,
        phoneEnc: phone.enc,
        phoneHash: phone.hash,
        address: input.address,
        email: input.email,
        content: input.content,
        handler: input.handler,
        createdBy: actor.id,
      })
      .run();
    recordEvent(tx, actor, id, "registered", "登记申请");
    recordAudit(tx, actor, { action: "request.create", objectType: "request", objectId: id, agencyId, after: { ...input } });
    return { id };
  });
}
