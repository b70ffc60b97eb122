/**
 * The body of the import worker thread (./import-jobs.ts starts it through ./import-worker.mjs):
 * one preview or one commit of an uploaded ledger, off the server's request thread, on its own
 * database connection. It posts its progress as it goes and ends with its outcome.
 */
import "server-only";
import { parentPort, workerData } from "node:worker_threads";
import { closeDb } from "../../db";
import { executeImport, type ImportJobInput, type WorkerMessage } from "./import-jobs";

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

void executeImport(workerData as ImportJobInput, (progress) => post({ type: "progress", progress })).then((outcome) => {
  closeDb();
  post(outcome);
});
