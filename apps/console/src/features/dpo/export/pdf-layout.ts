import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';

// The DPO's documents (the answer to the COC, the access report for a data subject) as PDFs: A4, text that wraps at
// spaces, blocks kept on one page, and a footer on every page. pdf-lib is loaded with the documents only.

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const FOOTER = 40;

/** One line of text as drawn (wrapped when it is longer than the page is wide). */
export interface Line {
  text: string;
  font: PDFFont;
  size: number;
  color?: RGB;
  indent?: number;
  gapBefore?: number;
}

/** What a document draws with: its fonts, colours, and the writing operations. */
export interface PdfWriter {
  doc: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
  red: RGB;
  grey: RGB;
  /** Draws lines; `together` keeps them on one page when they fit on one; `bar` marks them at the left. */
  draw(lines: Line[], options?: { together?: boolean; bar?: RGB }): void;
  heading(text: string): void;
  para(text: string, extra?: Partial<Line>): void;
  /** Writes the footer (a text at the left, the page number at the right) on every page, and the bytes. */
  finish(footer: string, pageNumber: (page: number, pages: number) => string): Promise<Uint8Array>;
}

/**
 * A new A4 document with Helvetica (regular and bold) and Courier. Helvetica's WinAnsi covers Dutch and French; any
 * other character shows as `?`.
 */
export async function pdfWriter(): Promise<PdfWriter> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const mono = await doc.embedFont(StandardFonts.Courier);
  const red = rgb(0.7, 0.05, 0.05);
  const grey = rgb(0.3, 0.3, 0.3);

  const width = A4[0] - 2 * MARGIN;
  const charsets = new Map<PDFFont, Set<number>>();
  const safe = (font: PDFFont, text: string): string => {
    let set = charsets.get(font);
    if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())));
    return [...text.replace(/[\r\n\t]+/g, ' ')].map((c) => (set.has(c.codePointAt(0)!) ? c : '?')).join('');
  };
  /** Breaks a text into lines that fit, at spaces (a word longer than a line is cut). */
  const wrap = (line: Line): Line[] => {
    const max = width - (line.indent ?? 0);
    const out: Line[] = [];
    let current = '';
    const push = (text: string) => out.push({ ...line, text, gapBefore: out.length === 0 ? line.gapBefore : 0 });
    for (const word of safe(line.font, line.text).split(' ')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (line.font.widthOfTextAtSize(candidate, line.size) <= max) {
        current = candidate;
        continue;
      }
      if (current !== '') push(current);
      current = word;
      while (line.font.widthOfTextAtSize(current, line.size) > max) {
        let cut = current.length - 1;
        while (cut > 1 && line.font.widthOfTextAtSize(current.slice(0, cut), line.size) > max) cut--;
        push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    push(current);
    return out;
  };
  const height = (l: Line) => l.size * 1.35 + (l.gapBefore ?? 0);

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const newPage = () => {
    page = doc.addPage(A4);
    y = A4[1] - MARGIN;
  };
  const draw: PdfWriter['draw'] = (lines, options = {}) => {
    const wrapped = lines.flatMap(wrap);
    const total = wrapped.reduce((h, l) => h + height(l), 0);
    if (options.together && y - total < MARGIN + FOOTER && total < A4[1] - 2 * MARGIN - FOOTER) newPage();
    let top = y;
    for (const l of wrapped) {
      if (y - height(l) < MARGIN + FOOTER) {
        if (options.bar) page.drawRectangle({ x: MARGIN - 8, y, width: 3, height: top - y, color: options.bar });
        newPage();
        top = y;
      }
      y -= height(l);
      page.drawText(l.text, {
        x: MARGIN + (l.indent ?? 0),
        y: y + l.size * 0.3,
        size: l.size,
        font: l.font,
        color: l.color ?? rgb(0, 0, 0),
      });
    }
    if (options.bar) page.drawRectangle({ x: MARGIN - 8, y, width: 3, height: top - y, color: options.bar });
  };
  return {
    doc,
    regular,
    bold,
    mono,
    red,
    grey,
    draw,
    heading: (text) => draw([{ text, font: bold, size: 12, gapBefore: 10 }]),
    para: (text, extra = {}) => draw([{ text, font: regular, size: 10, ...extra }]),
    finish: async (footer, pageNumber) => {
      const pages = doc.getPages();
      pages.forEach((p, i) => {
        const number = pageNumber(i + 1, pages.length);
        p.drawLine({ start: { x: MARGIN, y: MARGIN + 14 }, end: { x: A4[0] - MARGIN, y: MARGIN + 14 }, thickness: 0.5, color: grey });
        p.drawText(safe(regular, footer), { x: MARGIN, y: MARGIN, size: 8, font: regular, color: grey });
        p.drawText(number, { x: A4[0] - MARGIN - regular.widthOfTextAtSize(number, 8), y: MARGIN, size: 8, font: regular, color: grey });
      });
      return doc.save();
    },
  };
}
