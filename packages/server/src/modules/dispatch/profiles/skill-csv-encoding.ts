// Which encoding a skill-matrix CSV is in. Excel zh-CN saves "CSV (逗号分隔)" in GBK and "CSV UTF-8" in
// UTF-8 (with a BOM); both are taken. A UTF-8 file with a few bytes in another encoding (a cell pasted from
// a GBK file) is not GBK: decoding the whole file as GB18030 — which accepts almost any bytes — would
// import every Chinese name as mojibake (电梯维修 → 鐢垫缁翠慨) without a word. Such a file is refused,
// naming the line of the first bad bytes. Pure: bytes in, text or the line at fault out.

/** text, or why not: `badLine` the line of the first bytes that are not UTF-8; `utf8` whether the rest of the file is */
export type Decoded = { text: string } | { badLine: number; utf8: boolean };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Counts the well-formed multi-byte UTF-8 sequences and the bytes that start no well-formed sequence
 * (the rules of TextDecoder's fatal mode: no overlong forms, no surrogates, nothing past U+10FFFF), and
 * where the first bad byte is.
 */
export function scanUtf8(bytes: Uint8Array): { multi: number; bad: number; firstBad: number | null } {
  let multi = 0;
  let bad = 0;
  let firstBad: number | null = null;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < bytes.length && bytes[i] >= lo && bytes[i] <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    if (b >= 0xc2 && b <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      len = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      len = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (len) {
      multi++;
      i += len;
    } else {
      bad++;
      firstBad ??= i;
      i++;
    }
  }
  return { multi, bad, firstBad };
}

/** The file's line (1-based) the byte at `offset` is on: a newline byte is never part of a UTF-8 or GBK character. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Whether bytes that are not valid UTF-8 are still meant as UTF-8: they start with a UTF-8 BOM, or the
 * well-formed multi-byte sequences outnumber the bad bytes four to one. In GBK text most characters are
 * not valid UTF-8 (only about one in ten happens to be), so a GBK file never gets near that ratio, while a
 * UTF-8 file with one stray GBK character is far past it.
 */
export function meantAsUtf8(bytes: Uint8Array, scan = scanUtf8(bytes)): boolean {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return true;
  return scan.multi >= 4 * scan.bad;
}

/** The file as text: UTF-8, else GBK / GB18030; a UTF-8 file with bad bytes in it (or neither encoding) names the line. */
export function decodeSkillCsv(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // not UTF-8 as a whole: see below
  }
  const scan = scanUtf8(bytes);
  const utf8 = meantAsUtf8(bytes, scan);
  if (!utf8) {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes) };
    } catch {
      // neither
    }
  }
  return { badLine: lineAt(bytes, scan.firstBad ?? 0), utf8 };
}
