"use server";

import { getSessionUser, toActor } from "@/lib/auth/current";
import { signOut } from "@/lib/auth/auth";
import { recordLogout } from "@/lib/auth/login";

/** Logout revokes the session row first, so the token is dead even if a copy survives. */
export async function logoutAction(): Promise<void> {
  const user = await getSessionUser(); // also a login still waiting for its second factor
  if (user) recordLogout(toActor(user), user.sessionId);
  await signOut({ redirectTo: "/login" });
}
