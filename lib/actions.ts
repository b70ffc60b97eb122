import type { z } from "zod";
import { isAppError } from "./errors";

/**
 * The one shape every form's Server Action returns (style.md). A success may carry what the
 * form shows next (`data`: an upload's preview, say); an error names the fields it refuses.
 */
export type ActionState<T = undefined> =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> }
  | { status: "success"; message: string; data?: T };

export const IDLE = { status: "idle" } as const satisfies ActionState;

const SECRET_FIELD = /password|current|next|confirm/i;

/** The submitted values to echo back (React 19 resets forms), never a password. */
export function echoValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !SECRET_FIELD.test(key)) out[key] = value;
  }
  return out;
}

export function fromZodError(error: z.ZodError, form: FormData): ActionState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { status: "error", message: "请修改标红的项目后再提交", fieldErrors, values: echoValues(form) };
}

/** Turns an AppError into the form's error state; anything else is a real fault and rethrown. */
export function fromAppError(error: unknown, form: FormData): ActionState {
  if (!isAppError(error)) throw error;
  return {
    status: "error",
    message: error.message,
    fieldErrors: error.field ? { [error.field]: [error.message] } : undefined,
    values: echoValues(form),
  };
}
