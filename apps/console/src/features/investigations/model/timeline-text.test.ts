import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/locales/en';
import { nl } from '@/lib/i18n/locales/nl';
import type { TimelineEntry } from '../api/investigations.api';
import { TimelineContext, timelineText } from './timeline-text';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({ lng: 'nl', resources: { nl: { translation: nl }, en: { translation: en } }, interpolation: { escapeValue: false } }),
);

function context(lng: string): TimelineContext {
  const t = i18n.getFixedT(lng);
  const word = (prefix: string) => (group: string, code: string | null | undefined) =>
    code ? t(`${prefix}.${group}.${code}` as never, { defaultValue: code }) : '';
  return { t, label: word('investigations.codes'), code: word('codes'), parties: new Map([['link-1', 'K. Verdacht']]), tasks: new Map() };
}

const at = '2026-11-20T09:00:00.000Z';
const lab: TimelineEntry = {
  position: 7,
  type: 'LabResultLinked',
  at,
  actor: 'system:investigations-consumer',
  summary: '',
  data: {
    itemId: 'i',
    laboratory: 'NICC',
    labReference: 'NICC-26-0042',
    analysis: 'digital_forensics',
    conclusion: 'no_hit',
    receivedAt: at,
  },
};
const hearing: TimelineEntry = {
  position: 8,
  type: 'HearingConducted',
  at,
  actor: '5415-0201',
  summary: '',
  data: { partyLinkId: 'link-1', role: 'suspect', deferredSalduz: true, legalAssistance: { kind: 'waived' } },
};

describe('a step of the timeline in the reader’s words', () => {
  it('names a lab result’s analysis and conclusion as words, in Dutch and in English', () => {
    expect(timelineText(lab, context('nl'))).toBe('Labresultaat NICC-26-0042 van NICC: digitaal forensisch onderzoek, geen treffer');
    expect(timelineText(lab, context('en'))).toBe('Lab result NICC-26-0042 from NICC: digital forensics, no hit');
  });

  it('names the person heard as the file knows them, with the Salduz record', () => {
    expect(timelineText(hearing, context('nl'))).toBe('Verhoor van Verdachte K. Verdacht: uitgesteld Salduz-verhoor, afstand van advocaat');
  });
});
