import type { z } from "zod";
import { AppError, isAppError } from "./errors";

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

/**
 * Every form's Server Action is made with this. An AppError escaping it — a refused permission,
 * an expired session, an invalid bound argument — becomes the form's error state: thrown, it
 * would be an HTTP 500 and the error page (issue 13, item 5). A call whose last argument is no
 * form (a crafted request) is refused the same way. Redirects and real faults go on.
 */
export function formAction<A extends unknown[], T = undefined>(
  action: (...args: [...A, ActionState<T>, FormData]) => Promise<ActionState<T>>,
): (...args: [...A, ActionState<T>, FormData]) => Promise<ActionState<T>> {
  return async (...args) => {
    const form = args[args.length - 1];
    if (!(form instanceof FormData)) return { status: "error", message: "提交的内容无效，请刷新页面后重试" };
    try {
      return await action(...args);
    } catch (error) {
      return fromAppError(error, form) as ActionState<T>;
    }
  };
}

/**
 * A bound argument (`action.bind(null, year)`) comes back from the browser as the browser sent
 * it, so it is checked with the schema of its kind like any form field; refused, it is an
 * AppError INVALID with the schema's message (a narrative was once saved for the year
 * "2024' OR 1=1").
 */
export function boundArgument<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "提交的内容无效");
  return parsed.data;
}
