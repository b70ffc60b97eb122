/**
 * The largest ledger file the browser may upload: one number for the page that states it, the
 * upload form that checks it before sending, the server that refuses a larger one, and
 * next.config.ts, whose request-body limits (the proxy's and the Server Actions') are set from it
 * so that no layer cuts or refuses a file the app accepts. Importable anywhere (no server code).
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The limit as the page states it. */
export const MAX_UPLOAD_LABEL = `${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;

/** Room for the multipart framing and the form's other fields around a file of the largest size. */
export const UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;

export const UPLOAD_TOO_LARGE = `文件超过 ${MAX_UPLOAD_LABEL}，请分成几份导入，或用命令行导入`;
