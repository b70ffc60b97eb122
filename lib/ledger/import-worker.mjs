// The import worker's entry (./import-jobs.ts starts it): plain JavaScript, so that Node can
// start it as it stands, registering the TypeScript loader the CLI uses and then the worker's
// body. The thread is started with the react-server condition, as the CLI is.
import { tsImport } from "tsx/esm/api";

await tsImport("./import-worker.ts", import.meta.url);
