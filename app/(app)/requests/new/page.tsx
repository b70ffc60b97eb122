import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell";
import { RequestForm } from "@/components/requests/request-form";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { listHandlerChoices } from "@/lib/users/queries";
import { mayAssign } from "@/lib/requests/mutations";
import { yearOf } from "@/lib/dates";
import { todayInChina } from "@/lib/time";
import { proposeSerial } from "@/lib/requests/queries";
import { createRequestAction } from "../actions";

export const metadata: Metadata = { title: "登记申请" };

export default async function NewRequestPage() {
  const user = await requirePagePermission("requests.write");
  const today = todayInChina();
  // 分办 at registration (A8): the registering user is the actor itself.
  const actor = toActor(user);
  const mayAssignAtRegistration = Boolean(user.agencyId) && mayAssign(actor, user.agencyId, actor.id);
  return (
    <>
      <PageHeader title="登记申请" description="带 * 的为必填项。收到申请之日按《条例》第三十一条由申请方式和日期推算。" />
      <RequestForm
        action={createRequestAction}
        submitLabel="登记"
        handlers={mayAssignAtRegistration ? listHandlerChoices(toActor(user)) : undefined}
        values={{ serial: proposeSerial(toActor(user), yearOf(today)), channel: "in_person", arrivedDate: today, applicantType: "natural" }}
      />
    </>
  );
}
