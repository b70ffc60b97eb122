import type { RequestRow } from "../../db/schema";
import { decryptPii } from "../pii/crypto";

/** The personal fields of a stored request, decrypted. */
export function openPii(row: Pick<RequestRow, "idNumberEnc" | "creditCodeEnc" | "phoneEnc">) {
  const open = (value: string | null) => (value ? decryptPii(value) : "");
  return { idNumber: open(row.idNumberEnc), creditCode: open(row.creditCodeEnc), phone: open(row.phoneEnc) };
}
