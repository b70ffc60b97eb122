"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { type ActionState, formAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/auth";
import { LOGIN_REFUSED_MESSAGE } from "@/lib/auth/login";
import { PASSWORD_LOGIN_LANDING, safeCallbackUrl } from "@/lib/auth/redirects";

export const loginAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const username = String(form.get("username") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const values = { username };
  const fieldErrors: Record<string, string[]> = {};
  if (!username) fieldErrors.username = ["请填写用户名"];
  if (!password) fieldErrors.password = ["请填写密码"];
  if (Object.keys(fieldErrors).length > 0) return { status: "error", message: "请填写用户名和密码", fieldErrors, values };
  try {
    await signIn("credentials", { username, password, redirectTo: safeCallbackUrl(form.get("callbackUrl"), PASSWORD_LOGIN_LANDING) });
  } catch (error) {
    if (error instanceof AuthError) {
      const busy = error instanceof CredentialsSignin && error.code === "busy";
      return {
        status: "error",
        message: busy ? "系统繁忙，请稍后重试" : LOGIN_REFUSED_MESSAGE,
        values,
      };
    }
    throw error; // the redirect after a successful login
  }
  return { status: "idle" };
});
