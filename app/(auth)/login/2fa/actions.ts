"use server";

import { redirect } from "next/navigation";
import { type ActionState, formAction, fromAppError } from "@/lib/actions";
import { getSessionUser } from "@/lib/auth/current";
import { landingPath } from "@/lib/auth/redirects";
import { confirmEnrollment, verifySecondFactor } from "@/lib/auth/second-factor";

/** The code after the password (or a recovery code): the session becomes a full login. */
export const verifySecondFactorAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await getSessionUser();
  if (!user || user.secondFactor !== "verify") return { status: "error", message: "登录已失效，请重新登录" };
  try {
    verifySecondFactor(user, String(form.get("code") ?? ""));
  } catch (error) {
    return fromAppError(error, form);
  }
  redirect(landingPath(user.role));
});

/**
 * Confirms enrolling the authenticator: at the login of a role that needs it, or from the
 * account page for anyone not enrolled yet. The recovery codes come back once, in `data`.
 */
export const confirmEnrollmentAction = formAction(async (_prev: ActionState<string[]>, form: FormData): Promise<ActionState<string[]>> => {
  const user = await getSessionUser();
  if (!user || user.secondFactor === "verify") return { status: "error", message: "登录已失效，请重新登录" };
  try {
    const { recoveryCodes } = confirmEnrollment(user, String(form.get("code") ?? ""));
    return { status: "success", message: "双因素登录已启用", data: recoveryCodes };
  } catch (error) {
    return fromAppError(error, form);
  }
});
