/** Leading numbering of a label: （一） (1) 1. 1、 一、 — as Chinese tables number their rows. */
const NUMBERING = /^(?:\(\s*[一二三四五六七八九十\d]+\s*\)|[一二三四五六七八九十]+\s*[、.]|\d+\s*[.、)])\s*/u;

/**
 * A label reduced for comparison (interfaces.md): full-width forms folded (NFKC), its numbering
 * removed, and every space, punctuation mark and quote dropped — so （一）予以公开, (一)予以公开,
 * 1、予以公开 and “予以公开” are one value.
 */
export function labelKey(value: string): string {
  let v = value.normalize("NFKC").trim();
  for (let i = 0; i < 3 && NUMBERING.test(v); i++) v = v.replace(NUMBERING, "");
  return v.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
}
