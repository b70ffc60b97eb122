"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, boundArgument, formAction, fromAppError, fromZodError } from "@/lib/actions";
import { requirePermission, toActor } from "@/lib/auth/current";
import { uploadFileName } from "@/lib/ledger/file-name";
import { type ImportJobView, startImport } from "@/lib/ledger/import-jobs";
import { concludeRequest, createRequest, updateRequest, withdrawRequest } from "@/lib/requests/mutations";
import { todayInChina } from "@/lib/time";
import { appealSchema } from "@/lib/appeals/schemas";
import { saveAppeal } from "@/lib/appeals/mutations";
import { concludeSchema, createRequestSchema, requestIdSchema, updateRequestSchema, withdrawSchema } from "@/lib/requests/schemas";

export const createRequestAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("requests.write");
  const input = createRequestSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  let id: string;
  try {
    id = createRequest(toActor(user), input.data, todayInChina()).id;
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath("/requests");
  redirect(`/requests/${id}?saved=created`);
});

export const updateRequestAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("requests.write");
  boundArgument(requestIdSchema, id);
  const input = updateRequestSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    updateRequest(toActor(user), id, input.data, todayInChina());
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/requests/${id}`);
  redirect(`/requests/${id}?saved=updated`);
});

export const concludeRequestAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("requests.decide");
  boundArgument(requestIdSchema, id);
  const input = concludeSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    concludeRequest(toActor(user), id, input.data, todayInChina());
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/requests/${id}`);
  redirect(`/requests/${id}?saved=concluded`);
});

export const withdrawRequestAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("requests.decide");
  boundArgument(requestIdSchema, id);
  const input = withdrawSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    withdrawRequest(toActor(user), id, input.data, todayInChina());
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/requests/${id}`);
  redirect(`/requests/${id}?saved=withdrawn`);
});

export const previewImportAction = formAction(async (_prev: ActionState<ImportJobView>, form: FormData): Promise<ActionState<ImportJobView>> => {
  const user = await requirePermission("requests.import");
  const file = form.get("file");
  // No file chosen arrives as an empty, unnamed part; a chosen empty file is named, and refused by the reader like any other.
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return { status: "error", message: "请选择要导入的台账文件（CSV 或 XLSX）", fieldErrors: { file: ["请选择要导入的台账文件（CSV 或 XLSX）"] } };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const job = await startImport({ kind: "preview", actor: toActor(user), file: { name: uploadFileName(file.name), bytes }, ignoreUnknown: form.get("ignoreUnknown") === "on", today: todayInChina() });
    // The panel shows the job as it goes (./import/jobs/[id] for a running one), refusals included.
    return { status: "success", message: "", data: job };
  } catch (error) {
    return fromAppError(error, form);
  }
});

export const commitImportAction = formAction(async (_prev: ActionState<ImportJobView>, form: FormData): Promise<ActionState<ImportJobView>> => {
  const user = await requirePermission("requests.import");
  try {
    const job = await startImport({ kind: "commit", actor: toActor(user), uploadId: String(form.get("uploadId") ?? ""), today: todayInChina() });
    return { status: "success", message: "", data: job };
  } catch (error) {
    return fromAppError(error, form);
  }
});

export const saveAppealAction = formAction(async (requestId: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("appeals.write");
  boundArgument(requestIdSchema, requestId);
  const input = appealSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    saveAppeal(toActor(user), requestId, input.data);
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/requests/${requestId}`);
  // An edit leaves the edit form (its version is spent); a new case keeps the form for the next.
  if (input.data.version) redirect(`/requests/${requestId}?saved=appeal`);
  return { status: "success", message: `已保存案件 ${input.data.caseNumber}` };
});
