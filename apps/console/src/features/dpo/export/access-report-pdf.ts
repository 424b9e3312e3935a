import type { TFunction } from 'i18next';
import type { DecidedRequest, HeldRecord } from '../api/data-subjects.api';
import { fieldLabel, purposeOf, rolesOf } from './data-subject-words';
import { brusselsSeconds } from './coc-words';
import { pdfWriter } from './pdf-layout';

/** What the report says besides the records: the zone, the request and who made the report. */
export interface AccessReportMeta {
  zone: string;
  request: DecidedRequest;
  generatedBy: { name: string; staffId: string };
  /** An instant. */
  generatedAt: string;
  language: string;
}

/**
 * The answer to a data subject's request for access (LED art. 14), as a PDF for the requester: the request, then each
 * record that may be disclosed with what is held about them and why, and the standard paragraph on the supervisory
 * authority. Withheld records are not in it, and nothing in it tells whether any were (LED art. 17): the closing
 * paragraph is the same in every report.
 */
export async function accessReportPdf(records: HeldRecord[], meta: AccessReportMeta, t: TFunction): Promise<Uint8Array> {
  const pdf = await pdfWriter();
  const { doc, regular, bold, grey, draw, heading, para } = pdf;
  const service = (s: string) => t(`dpo.services.${s}` as never, { defaultValue: s });
  doc.setTitle(`${t('dpo.accessReport.title')} — ${meta.zone}`);
  doc.setAuthor(`${meta.generatedBy.name} (${meta.generatedBy.staffId})`);
  doc.setCreator(meta.zone);
  doc.setLanguage(meta.language === 'en' ? 'en-GB' : 'nl-BE');
  doc.setCreationDate(new Date(meta.generatedAt));

  const r = meta.request;
  draw([{ text: meta.zone, font: bold, size: 11, color: grey }]);
  draw([{ text: t('dpo.accessReport.title'), font: bold, size: 16, gapBefore: 4 }]);
  para(t('dpo.accessReport.subtitle'), { color: grey });

  heading(t('dpo.accessReport.request'));
  para(t('dpo.accessReport.requester', { name: r.subject.name ?? r.subject.personId ?? r.subject.staffId ?? '' }));
  para(t('dpo.accessReport.receivedOn', { date: r.receivedOn, id: r.requestId }));
  if (r.decision) para(t('dpo.accessReport.decidedOn', { at: brusselsSeconds(r.decision.decidedAt) }));

  heading(t('dpo.accessReport.records', { count: records.length }));
  if (records.length === 0) para(t('dpo.accessReport.none'));
  for (const rec of records) {
    draw(
      [
        { text: `${service(rec.service)} — ${rec.title}`, font: bold, size: 10, gapBefore: 8 },
        ...(rec.reference ? [{ text: t('dpo.accessReport.reference', { ref: rec.reference }), font: regular, size: 9, indent: 12 }] : []),
        { text: t('dpo.accessReport.recordedAt', { at: brusselsSeconds(rec.recordedAt) }), font: regular, size: 9, indent: 12 },
        { text: t('dpo.accessReport.roles', { roles: rolesOf(t, rec) }), font: regular, size: 9, indent: 12 },
        ...rec.held.map((h) => ({ text: `${fieldLabel(t, h.field)}: ${h.value}`, font: regular, size: 9, indent: 24 })),
        { text: t('dpo.accessReport.purpose', { purpose: purposeOf(t, rec) }), font: regular, size: 9, indent: 12, color: grey },
        ...(rec.erased ? [{ text: rec.erased, font: bold, size: 9, indent: 12 }] : []),
        ...(rec.processingRestricted
          ? [
              {
                text: t('dpo.accessReport.restricted', { at: brusselsSeconds(rec.processingRestricted.at) }),
                font: bold,
                size: 9,
                indent: 12,
              },
            ]
          : []),
      ],
      { together: true },
    );
  }

  // The rights and the signature together, on one page: the same words in every report, whatever was withheld.
  draw(
    [
      { text: t('dpo.accessReport.rights'), font: bold, size: 12, gapBefore: 10 },
      { text: t('dpo.accessReport.rightsText'), font: regular, size: 10 },
      { text: t('dpo.accessReport.signed', { name: meta.generatedBy.name }), font: regular, size: 10, gapBefore: 10 },
    ],
    { together: true },
  );
  return pdf.finish(
    t('dpo.accessReport.generated', {
      name: meta.generatedBy.name,
      staffId: meta.generatedBy.staffId,
      at: brusselsSeconds(meta.generatedAt),
    }),
    (page, pages) => t('dpo.document.page', { page, pages }),
  );
}
