import type { CocAnswer } from '../api/dpo.api';
import type { ChainResult } from '../api/dpo.api';
import { basisOf, brusselsSeconds, CocWords } from './coc-words';
import { Line, pdfWriter } from './pdf-layout';

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

/**
 * The answer to the COC as a PDF (pdf-lib, loaded with this module only when the DPO exports):
 * A4, the zone and the question first, then each consultation as a block kept on one page (break-glass
 * reads marked in red beside and above), the chains' verification, and on every page who made it, when,
 * and the page number. Helvetica's WinAnsi covers Dutch and French; any other character shows as `?`.
 */
export async function cocPdf(answer: CocAnswer, meta: CocMeta, w: CocWords): Promise<Uint8Array> {
  const { t } = w;
  const pdf = await pdfWriter();
  const { doc, regular, bold, mono, red, grey, draw, heading, para } = pdf;
  doc.setTitle(`${t('dpo.document.title')} — ${meta.zone}`);
  doc.setAuthor(`${meta.generatedBy.name} (${meta.generatedBy.staffId})`);
  doc.setSubject(meta.question);
  doc.setCreator(meta.zone);
  doc.setLanguage(meta.language === 'en' ? 'en-GB' : 'nl-BE');
  doc.setCreationDate(new Date(meta.generatedAt));

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

  return pdf.finish(
    t('dpo.document.generated', { name: meta.generatedBy.name, staffId: meta.generatedBy.staffId, at: brusselsSeconds(meta.generatedAt) }),
    (page, pages) => t('dpo.document.page', { page, pages }),
  );
}
