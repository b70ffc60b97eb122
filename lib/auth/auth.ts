import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret } from "../env";
import { authConfig } from "./auth.config";
import { attemptLogin } from "./login";
import { loadSessionUser } from "./sessions";

class LockedSignin extends CredentialsSignin {
  code = "locked";
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
        const result = await attemptLogin(username, password, request?.headers?.get("user-agent") ?? null);
        if (!result.ok) {
          if (result.reason === "locked") throw new LockedSignin();
          return null;
        }
        return { id: result.userId, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
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
