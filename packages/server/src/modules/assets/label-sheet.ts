import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** One label: the QR code's link and the words printed beside it. */
export interface Label {
  link: string;
  name: string | null;
  serial: string;
  model: string | null;
  address: string | null;
}

// Chinese needs a CJK font in the PDF (subset: only the glyphs used are embedded, a few kB). .ci/run
// installs Debian's fonts-wqy-microhei; Noto CJK or Droid Sans Fallback are taken when present instead.
const CJK_FONTS: { path: string; family?: string }[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
];

/** The CJK font the sheet is set in, or null (then only Latin text is printed: see `latinOnly`). */
export function cjkFont(candidates = CJK_FONTS): { path: string; family?: string } | null {
  return candidates.find((f) => existsSync(f.path)) ?? null;
}

/** Without a CJK font: the characters Helvetica (WinAnsi) can print, the others left out. */
export const latinOnly = (s: string) => s.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '').replace(/\s+/g, ' ').trim();

const MM = 72 / 25.4;
/** A4 with 3 × 8 labels of 70 × 37 mm (the common 24-up label paper). */
export const SHEET = { width: 210 * MM, height: 297 * MM, cols: 3, rows: 8, labelW: 70 * MM, labelH: 37.125 * MM, qr: 31 * MM, pad: 3 * MM };

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.01, cell + 0.01);
  doc.fill().restore();
}

/**
 * A printable PDF sheet of QR labels, 24 to an A4 page: the QR code (the portal's request form for the
 * asset) and beside it the asset's name, serial, model and address, and "扫码报修".
 */
export async function labelSheetPdf(labels: Label[], opts: { title: string; at: Date; font?: { path: string; family?: string } | null }): Promise<Buffer> {
  const font = opts.font === undefined ? cjkFont() : opts.font;
  const text = (s: string) => (font ? s : latinOnly(s));
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: text(opts.title) || 'Asset labels', Creator: 'Gongdan', CreationDate: opts.at } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font) doc.registerFont('label', font.path, font.family);
  const face = font ? 'label' : 'Helvetica';
  const perPage = SHEET.cols * SHEET.rows;
  const left = (SHEET.width - SHEET.cols * SHEET.labelW) / 2;
  const top = (SHEET.height - SHEET.rows * SHEET.labelH) / 2;
  if (!labels.length) doc.addPage();
  labels.forEach((l, i) => {
    if (i % perPage === 0) doc.addPage();
    const k = i % perPage;
    const x = left + (k % SHEET.cols) * SHEET.labelW;
    const y = top + Math.floor(k / SHEET.cols) * SHEET.labelH;
    doc.save().lineWidth(0.3).strokeColor('#bbbbbb').rect(x, y, SHEET.labelW, SHEET.labelH).stroke().restore();
    drawQr(doc, l.link, x + SHEET.pad / 2, y + (SHEET.labelH - SHEET.qr) / 2, SHEET.qr);
    const tx = x + SHEET.qr + SHEET.pad;
    const tw = SHEET.labelW - SHEET.qr - 1.5 * SHEET.pad;
    let ty = y + SHEET.pad;
    const line = (s: string | null, size: number, color = 'black', lines = 1) => {
      const t = s ? text(s) : '';
      if (!t) return;
      doc.font(face).fontSize(size).fillColor(color);
      const h = doc.heightOfString(t, { width: tw, lineBreak: true });
      const max = size * 1.25 * lines;
      doc.text(t, tx, ty, { width: tw, height: max, ellipsis: true });
      ty += Math.min(h, max) + 1.5;
    };
    line(font ? '扫码报修' : 'Scan to report', 9, '#1677ff');
    line(l.name, 9.5, 'black', 2);
    line(l.serial, 7.5);
    line(l.model, 7, '#444444');
    line(l.address, 6.5, '#666666', 2);
  });
  doc.end();
  return done;
}
