import { databasePath } from "../lib/env";
import { prepareApp, shutdownApp } from "../lib/lifecycle";

/** `npm run db:migrate`: creates the database file when missing and applies the migrations. */
prepareApp();
shutdownApp();
process.stdout.write(`${databasePath()}\n`);
