import type { Role } from "./roles";

/** Who performs a change: a signed-in user, or the command line acting for the operator. */
export type Actor = {
  id: string | null;
  username: string;
  role: Role | "system";
  agencyId: string | null;
};

export const CLI_ACTOR: Actor = { id: null, username: "cli", role: "system", agencyId: null };
export const SYSTEM_ACTOR: Actor = { id: null, username: "system", role: "system", agencyId: null };
