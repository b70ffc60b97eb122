import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/app-shell";
import { RequestForm } from "@/components/requests/request-form";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { getRequest } from "@/lib/requests/queries";
import { updateRequestAction } from "../../actions";

export const metadata: Metadata = { title: "编辑申请" };

export default async function EditRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("requests.write");
  const { id } = await params;
  let request;
  try {
    request = getRequest(toActor(user), id, { revealPii: true });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const values = Object.fromEntries(
    Object.entries({ ...request, version: String(request.version), extensionDays: undefined }).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]),
  );
  // The receipt date is shown as a correction only when it was one; a request imported from a
  // ledger has no arrival dates, so its receipt date stays as the date itself.
  if ((request.arrivedDate || request.confirmedDate) && !request.receivedDateReason) values.receivedDate = "";
  return (
    <>
      <PageHeader title={`编辑申请 ${request.serial}`} description={`第 ${request.version} 版。如他人已先保存修改，您的修改不会覆盖，系统会提示刷新。`}>
        <Link href={`/requests/${id}`} className="text-sm text-brand-700 underline">
          返回申请
        </Link>
      </PageHeader>
      <RequestForm action={updateRequestAction.bind(null, id)} values={values} submitLabel="保存修改" />
    </>
  );
}
