import type { NextAuthConfig } from "next-auth";
import { authRedirectUrl } from "./redirects";

/**
 * The part of the Auth.js configuration without database access, which auth.ts completes. The
 * proxy does not run Auth.js: it and the server read the session cookie through
 * lib/auth/session-cookie.ts.
 */
/** How long a login lasts at most (absolute): the one setting, read by the token (maxAge) and the session row (lib/auth/sessions.ts). */
export const SESSION_MAX_AGE_SECONDS = 12 * 3600;
/** A session unused this long ends (idle timeout, 等保三级): its last activity is recorded on the row. */
export const SESSION_IDLE_SECONDS = 30 * 60;

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    // Same-origin paths only; Auth.js's default threw on a value such as "\n/requests".
    redirect: ({ url, baseUrl }) => authRedirectUrl(url, baseUrl),
  },
  logger: {
    // A wrong password is an audited event, not a server error with a stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
} satisfies NextAuthConfig;
