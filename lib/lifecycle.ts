import { closeDb, getDb } from "../db";
import { ensureLocalSecrets } from "./env";

/** Secrets present, database created and migrated: what every entry point needs first. */
export function prepareApp(): void {
  ensureLocalSecrets();
  getDb();
}

export function shutdownApp(): void {
  closeDb();
}
