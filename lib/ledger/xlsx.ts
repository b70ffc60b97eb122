import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl from "yauzl";
import { columnLetters } from "./cells";
import type { LedgerTable } from "./parse";

/**
 * The XLSX reader of the imports (issue 14): the first sheet, streamed. The zip's central
 * directory is read first (yauzl: every entry's declared size is checked, and the inflated
 * stream is refused if it grows past it), then only the parts needed are inflated and fed to
 * a SAX parser (saxes) chunk by chunk. A cell costs what it holds: an absent cell nothing, an
 * empty styled one nothing, a cell far to the right a refusal; a row is kept only when it has a
 * value. Every refusal is an {@link UnreadableFileError} with a Chinese and an English message.
 */

/** The bounds of an import file: every one is checked before the work it would allow. */
export const IMPORT_LIMITS = {
  /** Columns with a value (a column without a header is refused later, naming the cell). */
  columns: 200,
  /** `<row>` elements of the sheet, empty or not, numbered or not. */
  rowElements: 1_000_000,
  /** Rows with at least one value: an import larger than this is split by the clerk. */
  dataRows: 100_000,
  /** The sheet's XML once inflated. */
  sheetBytes: 200 * 1024 * 1024,
  /** Each other part read (workbook, relationships, styles, shared strings). */
  partBytes: 64 * 1024 * 1024,
  /** Shared strings (each costs memory even when no cell uses it). */
  sharedStrings: 2_000_000,
  /** Entries of the zip (a real workbook has a few dozen). */
  entries: 10_000,
} as const;

export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly en: string,
  ) {
    super(message);
  }
}

const refuse = (zh: string, en: string) => new UnreadableFileError(zh, en);
const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

type Entries = Map<string, yauzl.Entry>;

async function openZip(bytes: Uint8Array): Promise<{ zip: yauzl.ZipFile; entries: Entries }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw refuse("不是有效的 XLSX 文件（压缩包结构损坏）", "not a valid XLSX file (broken zip structure)");
  }
  if (zip.entryCount > IMPORT_LIMITS.entries) throw refuse(`XLSX 文件包含的部件过多（${zip.entryCount} 个）`, `too many zip entries (${zip.entryCount})`);
  const entries: Entries = new Map();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.replace(/^\/+/, ""), entry);
  } catch {
    throw refuse("不是有效的 XLSX 文件（压缩包目录损坏）", "not a valid XLSX file (broken zip directory)");
  }
  return { zip, entries };
}

/** Inflates one part into the SAX parser, chunk by chunk, never past `limit` bytes. */
async function parsePart(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number, label: string, onTag: (parser: SaxesParser) => void): Promise<void> {
  if (entry.isEncrypted()) throw refuse("XLSX 文件已加密，请先取消密码保护", "the XLSX file is encrypted");
  if (entry.uncompressedSize > limit) throw refuse(`XLSX 文件的${label}解压后超过 ${MB(limit)}`, `${entry.fileName} is over ${MB(limit)} uncompressed`);
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw refuse(`XLSX 文件的${label}无法解压`, `cannot inflate ${entry.fileName}`);
  }
  const parser = new SaxesParser({ xmlns: false, position: false });
  onTag(parser);
  let xmlError: Error | null = null;
  parser.on("error", (error) => {
    xmlError ??= error;
  });
  const decoder = new TextDecoder("utf-8");
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw refuse(`XLSX 文件的${label}解压后超过 ${MB(limit)}`, `${entry.fileName} is over ${MB(limit)} uncompressed`);
      parser.write(decoder.decode(chunk, { stream: true }));
      if (xmlError) break;
    }
    if (!xmlError) parser.write(decoder.decode()).close();
  } catch (error) {
    stream.destroy();
    if (error instanceof UnreadableFileError) throw error;
    if (error === STOP) return;
    // yauzl: the inflated data outgrew its declared size, or the deflate stream is corrupt.
    throw refuse(`XLSX 文件的${label}无法解压（文件损坏）`, `cannot inflate ${entry.fileName}: ${(error as Error).message}`);
  }
  if (xmlError) throw refuse(`XLSX 文件的${label}不是有效的 XML（文件损坏）`, `${entry.fileName} is not well-formed XML`);
}

/** Thrown from a SAX handler to stop reading a part once what was needed was found. */
const STOP = Symbol("stop");

const localName = (tag: { name: string }) => tag.name.slice(tag.name.indexOf(":") + 1);

/** The relationship targets of a `.rels` part, by id, resolved against the part's folder. */
async function readRels(zip: yauzl.ZipFile, entries: Entries, path: string, base: string): Promise<Map<string, string>> {
  const rels = new Map<string, string>();
  const entry = entries.get(path);
  if (!entry) return rels;
  await parsePart(zip, entry, IMPORT_LIMITS.partBytes, "关系定义", (p) =>
    p.on("opentag", (tag) => {
      if (localName(tag) !== "Relationship") return;
      const { Id, Target } = tag.attributes as Record<string, string>;
      if (Id && Target) rels.set(Id, resolvePath(base, Target));
    }),
  );
  return rels;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

/** Built-in number formats that show a date (ECMA-376 18.8.30 and the CJK ones Chinese Excel uses). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[ymd]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Which cell styles show dates: `s` attribute → true. */
async function readDateStyles(zip: yauzl.ZipFile, entries: Entries, path: string | undefined): Promise<boolean[]> {
  const entry = path ? entries.get(path) : undefined;
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await parsePart(zip, entry, IMPORT_LIMITS.partBytes, "样式", (p) => {
    p.on("opentag", (tag) => {
      const name = localName(tag);
      const a = tag.attributes as Record<string, string>;
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push(BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormatCode(custom.get(id) as string)));
      }
    });
    p.on("closetag", (tag) => {
      if (localName(tag) === "cellXfs") inCellXfs = false;
    });
  });
  return styles;
}

/** The text of each shared string (phonetic runs left out). */
async function readSharedStrings(zip: yauzl.ZipFile, entries: Entries, path: string | undefined): Promise<string[]> {
  const entry = path ? entries.get(path) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await parsePart(zip, entry, IMPORT_LIMITS.partBytes, "共享字符串", (p) => {
    p.on("opentag", (tag) => {
      const name = localName(tag);
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    });
    p.on("text", (text) => {
      if (inText && current) current.push(text);
    });
    p.on("closetag", (tag) => {
      const name = localName(tag);
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        if (strings.length >= IMPORT_LIMITS.sharedStrings) throw refuse(`XLSX 文件的共享字符串超过 ${IMPORT_LIMITS.sharedStrings} 个`, `more than ${IMPORT_LIMITS.sharedStrings} shared strings`);
        strings.push(current.join(""));
        current = null;
      }
    });
  });
  return strings;
}

/** `AB12` → 28 (1-based column), or null when the reference has no column letters. */
function columnOf(ref: string | undefined): number | null {
  if (!ref) return null;
  let col = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
    if (col > 100_000) return col; // far past any limit; stop counting
  }
  return col || null;
}

/** An Excel serial day (1900 or 1904 system) as YYYY-MM-DD; the time of day is dropped. */
function serialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial) - (date1904 ? 24107 : 25569);
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export async function readXlsx(bytes: Uint8Array): Promise<LedgerTable> {
  const { zip, entries } = await openZip(bytes);
  try {
    const rootRels = await readRels(zip, entries, "_rels/.rels", "");
    const workbookPath = [...rootRels.values()].find((p) => /workbook\.xml$/i.test(p)) ?? "xl/workbook.xml";
    const workbookEntry = entries.get(workbookPath);
    if (!workbookEntry) throw refuse("不是有效的 XLSX 文件（缺少工作簿）", "not a valid XLSX file (no workbook part)");
    const folder = workbookPath.split("/").slice(0, -1).join("/");
    let firstSheetRel: string | null = null;
    let date1904 = false;
    await parsePart(zip, workbookEntry, IMPORT_LIMITS.partBytes, "工作簿", (p) =>
      p.on("opentag", (tag) => {
        const name = localName(tag);
        const a = tag.attributes as Record<string, string>;
        if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
        if (name === "sheet" && !firstSheetRel) {
          firstSheetRel = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? null;
          throw STOP;
        }
      }),
    );
    const rels = await readRels(zip, entries, `${folder}/_rels/${workbookPath.split("/").pop()}.rels`, folder);
    const sheetPath = firstSheetRel ? rels.get(firstSheetRel) : undefined;
    const sheetEntry = sheetPath ? entries.get(sheetPath) : undefined;
    if (!sheetEntry) throw refuse("XLSX 文件中没有工作表", "the XLSX file has no worksheet");
    const relPaths = [...rels.values()];
    const dateStyles = await readDateStyles(zip, entries, relPaths.find((p) => /styles\.xml$/i.test(p)));
    const shared = await readSharedStrings(zip, entries, relPaths.find((p) => /sharedStrings\.xml$/i.test(p)));
    return await readSheet(zip, sheetEntry, { dateStyles, shared, date1904 });
  } finally {
    zip.close();
  }
}

async function readSheet(zip: yauzl.ZipFile, entry: yauzl.Entry, context: { dateStyles: boolean[]; shared: string[]; date1904: boolean }): Promise<LedgerTable> {
  const table: LedgerTable = { headers: [], rows: [] };
  let rowElements = 0;
  let rowNumber = 0;
  let cells: string[] = [];
  let column = 0;
  let cell: { col: number; type: string; style: number } | null = null;
  let text: string[] = [];
  let inValue = false;
  let phonetic = 0;
  const endCell = () => {
    if (!cell) return;
    const raw = text.join("");
    let value = "";
    if (cell.type === "s") value = context.shared[Number(raw)] ?? "";
    else if (cell.type === "inlineStr" || cell.type === "str") value = raw;
    else if (cell.type === "b") value = raw === "1" ? "TRUE" : raw === "0" ? "FALSE" : raw;
    else if (cell.type === "e") value = "";
    else if (cell.type === "d") value = raw.slice(0, 10);
    else if (raw !== "") {
      const n = Number(raw);
      value = context.dateStyles[cell.style] ? (serialDate(n, context.date1904) ?? raw) : Number.isFinite(n) ? String(n) : raw;
    }
    value = value.trim();
    if (value !== "") {
      if (cell.col > IMPORT_LIMITS.columns) {
        throw refuse(`第 ${rowNumber} 行 ${columnLetters(Math.min(cell.col, 16384))} 列有内容：导入文件最多 ${IMPORT_LIMITS.columns} 列`, `row ${rowNumber}: a value in column ${cell.col}, over ${IMPORT_LIMITS.columns} columns`);
      }
      while (cells.length < cell.col - 1) cells.push("");
      cells[cell.col - 1] = value;
    }
    cell = null;
  };
  await parsePart(zip, entry, IMPORT_LIMITS.sheetBytes, "工作表", (p) => {
    p.on("opentag", (tag: SaxesTagPlain) => {
      const name = localName(tag);
      const a = tag.attributes as Record<string, string>;
      if (name === "row") {
        if (++rowElements > IMPORT_LIMITS.rowElements) throw refuse(`工作表超过 ${IMPORT_LIMITS.rowElements} 行`, `more than ${IMPORT_LIMITS.rowElements} rows`);
        const given = Number(a.r);
        rowNumber = Number.isInteger(given) && given > rowNumber ? given : rowNumber + 1;
        cells = [];
        column = 0;
      } else if (name === "c") {
        const col = columnOf(a.r) ?? column + 1;
        column = col;
        cell = { col, type: a.t ?? "n", style: Number(a.s ?? 0) };
        text = [];
      } else if (cell && name === "rPh") phonetic++;
      else if (cell && (name === "v" || (name === "t" && phonetic === 0))) inValue = true;
    });
    p.on("text", (value) => {
      if (inValue) text.push(value);
    });
    p.on("closetag", (tag) => {
      const name = localName(tag);
      if (name === "v" || name === "t") inValue = false;
      else if (name === "rPh") phonetic--;
      else if (name === "c") endCell();
      else if (name === "row") {
        if (rowNumber === 1) table.headers = cells;
        else if (cells.length > 0) {
          if (table.rows.length >= IMPORT_LIMITS.dataRows) throw refuse(`导入文件最多 ${IMPORT_LIMITS.dataRows} 个数据行，请分批导入`, `more than ${IMPORT_LIMITS.dataRows} data rows`);
          table.rows.push({ row: rowNumber, cells });
        }
      }
    });
  });
  return table;
}
