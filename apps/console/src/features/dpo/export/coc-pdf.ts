import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import type { CocAnswer } from '../api/dpo.api';
import type { ChainResult } from '../api/dpo.api';
import { basisOf, brusselsSeconds, CocWords } from './coc-words';

/** What the document says besides the answer: the question, its period and who prepares it. */
export interface CocMeta {
  zone: string;
  question: string;
  /** The period asked, as Belgian days or times for people (already formatted), or null when open. */
  from: string | null;
  to: string | null;
  subject?: string;
  actor?: string;
  breakGlassOnly?: boolean;
  refusedOnly?: boolean;
  generatedBy: { name: string; staffId: string };
  /** An instant. */
  generatedAt: string;
  language: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const FOOTER = 40;

interface Line {
  text: string;
  font: PDFFont;
  size: number;
  color?: RGB;
  indent?: number;
  gapBefore?: number;
}

/**
 * The answer to the COC as a PDF (pdf-lib, loaded with this module only when the DPO exports):
 * A4, the zone and the question first, then each consultation as a block kept on one page (break-glass
 * reads marked in red beside and above), the chains' verification, and on every page who made it, when,
 * and the page number. Helvetica's WinAnsi covers Dutch and French; any other character shows as `?`.
 */
export async function cocPdf(answer: CocAnswer, meta: CocMeta, w: CocWords): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const { t } = w;
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const mono = await doc.embedFont(StandardFonts.Courier);
  const red = rgb(0.7, 0.05, 0.05);
  const grey = rgb(0.3, 0.3, 0.3);
  doc.setTitle(`${t('dpo.document.title')} — ${meta.zone}`);
  doc.setAuthor(`${meta.generatedBy.name} (${meta.generatedBy.staffId})`);
  doc.setSubject(meta.question);
  doc.setCreator(meta.zone);
  doc.setLanguage(meta.language === 'en' ? 'en-GB' : 'nl-BE');
  doc.setCreationDate(new Date(meta.generatedAt));

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
  /** Draws lines; `together` keeps them on one page when they fit on one; `bar` marks them at the left. */
  const draw = (lines: Line[], options: { together?: boolean; bar?: RGB } = {}) => {
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
  const heading = (text: string) => draw([{ text, font: bold, size: 12, gapBefore: 10 }]);
  const para = (text: string, extra: Partial<Line> = {}) => draw([{ text, font: regular, size: 10, ...extra }]);

  draw([{ text: meta.zone, font: bold, size: 11, color: grey }]);
  draw([{ text: t('dpo.document.title'), font: bold, size: 16, gapBefore: 4 }]);
  para(t('dpo.document.subtitle'), { color: grey });

  heading(t('dpo.document.question'));
  para(meta.question);
  heading(t('dpo.document.period'));
  para(t('dpo.document.periodValue', { from: meta.from ?? t('dpo.export.open'), to: meta.to ?? t('dpo.export.open') }));
  heading(t('dpo.document.filters'));
  const filters = [
    meta.subject ? t('dpo.document.subject', { value: meta.subject }) : undefined,
    meta.actor ? t('dpo.document.actor', { value: meta.actor }) : undefined,
    meta.breakGlassOnly ? t('dpo.document.breakGlassOnly') : undefined,
    meta.refusedOnly ? t('dpo.document.refusedOnly') : undefined,
  ].filter((f): f is string => f !== undefined);
  para(filters.length > 0 ? filters.join('; ') : t('dpo.document.none'));
  heading(t('dpo.document.summary'));
  para(
    t('dpo.document.summaryValue', {
      count: answer.entries.length,
      breakGlass: answer.entries.filter((e) => e.breakGlass).length,
      refused: answer.entries.filter((e) => e.outcome === 'refused').length,
    }),
  );
  if (answer.truncated) para(t('dpo.document.truncated', { max: answer.entries.length }), { font: bold, color: red });

  heading(t('dpo.document.chain'));
  const chainLines = (date: string, chain: ChainResult): Line[] => {
    const v = chain.verification;
    const result = v.ok
      ? v.events === 0
        ? t('dpo.document.chainEmpty')
        : t('dpo.document.chainIntact', { count: v.events, hash: v.headHash })
      : t('dpo.document.chainBroken', { version: v.brokenAt.streamVersion, eventId: v.brokenAt.eventId });
    return [
      {
        text: t('dpo.document.chainDay', { date, services: chain.services.map(w.service).join(', ') }),
        font: bold,
        size: 10,
        gapBefore: 4,
      },
      { text: result, font: v.ok ? mono : bold, size: 9, indent: 12, color: v.ok ? undefined : red },
    ];
  };
  for (const day of answer.days) for (const chain of day.chains) draw(chainLines(day.date, chain), { together: true });
  if (answer.unverifiedDays.length > 0) para(t('dpo.document.chainUnverified', { days: answer.unverifiedDays.join(', ') }), { color: red });

  heading(t('dpo.document.entries'));
  if (answer.entries.length === 0) para(t('dpo.document.noEntries'));
  for (const e of answer.entries) {
    const lines: Line[] = [
      {
        text: `${brusselsSeconds(e.at)} — ${w.outcome(e.outcome)}${e.subject.caseRef ? ` — ${e.subject.caseRef}` : ''}`,
        font: bold,
        size: 10,
        gapBefore: 8,
      },
    ];
    if (e.breakGlass) lines.push({ text: t('dpo.document.breakGlassMark'), font: bold, size: 9, color: red });
    lines.push(
      {
        text: t('dpo.document.who', {
          username: e.actor.username,
          staffId: e.actor.staffId,
          roles: w.roles(e.actor.roles),
          unit: e.actor.unit,
        }),
        font: regular,
        size: 9,
        indent: 12,
      },
      {
        text: t('dpo.document.what', { type: w.resource(e.subject.type), ids: e.subject.ids.join(', ') }),
        font: regular,
        size: 9,
        indent: 12,
      },
      {
        text: t('dpo.document.via', { service: w.service(e.service), endpoint: `${e.endpoint.method} ${e.endpoint.route}` }),
        font: regular,
        size: 9,
        indent: 12,
      },
      {
        text:
          e.outcome === 'refused'
            ? t('dpo.document.refusal', { refusal: basisOf(e, w) })
            : t('dpo.document.basis', { basis: basisOf(e, w) }),
        font: regular,
        size: 9,
        indent: 12,
      },
      { text: t('dpo.document.reason', { reason: e.reason }), font: regular, size: 9, indent: 12, color: grey },
    );
    if (e.justification) {
      const text = e.justification.caseRef ? `${e.justification.text} (${e.justification.caseRef})` : e.justification.text;
      lines.push({ text: t('dpo.document.justification', { text }), font: bold, size: 9, indent: 12 });
    }
    draw(lines, { together: true, bar: e.breakGlass ? red : undefined });
  }

  const pages = doc.getPages();
  const generated = t('dpo.document.generated', {
    name: meta.generatedBy.name,
    staffId: meta.generatedBy.staffId,
    at: brusselsSeconds(meta.generatedAt),
  });
  pages.forEach((p, i) => {
    const number = t('dpo.document.page', { page: i + 1, pages: pages.length });
    p.drawLine({ start: { x: MARGIN, y: MARGIN + 14 }, end: { x: A4[0] - MARGIN, y: MARGIN + 14 }, thickness: 0.5, color: grey });
    p.drawText(safe(regular, generated), { x: MARGIN, y: MARGIN, size: 8, font: regular, color: grey });
    p.drawText(number, { x: A4[0] - MARGIN - regular.widthOfTextAtSize(number, 8), y: MARGIN, size: 8, font: regular, color: grey });
  });
  return doc.save();
}
