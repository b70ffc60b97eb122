import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret } from "../env";
import { authConfig } from "./auth.config";
import { attemptLogin, revokeSession } from "./login";
import { loadSessionUser } from "./sessions";

/** The database was busy (a long import holding the write lock): the login page says so. */
class BusySignin extends CredentialsSignin {
  code = "busy";
}

/** The client's address as the proxy in front (or Next.js itself) reports it, for the login throttle. */
function clientAddress(headers: Headers | undefined): string {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers?.get("x-real-ip")?.trim() || "unknown").slice(0, 64);
}

declare module "next-auth" {
  interface User {
    sid?: string;
  }
  interface Session {
    sid?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: authSecret(),
  providers: [
    Credentials({
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, request) {
        const username = typeof credentials?.username === "string" ? credentials.username.trim() : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!username || !password) return null;
        const result = await attemptLogin(username, password, request?.headers?.get("user-agent") ?? null, clientAddress(request?.headers));
        if (!result.ok) {
          // The address throttle: a failure is answered late, never refused for it.
          if (result.delayMs) await new Promise((resolve) => setTimeout(resolve, result.delayMs));
          if (result.reason === "busy") throw new BusySignin();
          // Locked, disabled, unknown and wrong are one answer (no account enumeration).
          return null;
        }
        return { id: result.userId, sid: result.sessionId };
      },
    }),
  ],
  events: {
    // Auth.js's own sign-out (POST /api/auth/signout) ends the session row like the app's logout.
    signOut(message) {
      const sid = "token" in message ? (message.token?.sid as string | undefined) : undefined;
      if (sid) revokeSession(sid);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    // Every request checks the session row, so a logout or a disabled user takes effect at once.
    jwt({ token, user }) {
      if (user?.sid) {
        token.sid = user.sid;
        token.sub = user.id;
        return token;
      }
      return loadSessionUser(token.sid as string | undefined) ? token : null;
    },
    session({ session, token }) {
      const user = loadSessionUser(token.sid as string | undefined);
      if (!user) return { ...session, user: undefined } as unknown as typeof session;
      // Until the second factor is given the session names no user (interfaces.md); the server
      // still finds its row by `sid` (getSessionUser) to ask for the code.
      if (user.secondFactor !== "ok") return { ...session, sid: user.sessionId, user: undefined } as unknown as typeof session;
      return {
        ...session,
        sid: user.sessionId,
        user: {
          ...session.user,
          id: user.id,
          name: user.username,
          email: "",
          role: user.role,
          agencyCode: user.agencyCode,
          agencyName: user.agencyName,
          mustChangePassword: user.mustChangePassword,
        },
      };
    },
  },
}));
