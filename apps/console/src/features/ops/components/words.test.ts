import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n/i18n';
import { durationLabel, messageTypeLabel, projectionLabel } from './words';

describe('the operations screen in words', () => {
  const t = i18n.t.bind(i18n);
  it('names the contract types a service parks, and shows a type it does not know as itself', () => {
    expect(messageTypeLabel(t, 'reports.ReportReferredForInvestigation.v1')).toBe('Melding doorverwezen voor onderzoek');
    expect(messageTypeLabel(t, 'reports.SomethingNew.v2')).toBe('reports.SomethingNew.v2');
    expect(messageTypeLabel(t, null)).toBe('Onbekend type');
  });
  it('names projections, and shows an unknown one by its name', () => {
    expect(projectionLabel(t, 'investigations-party-links')).toBe('Betrokkenen');
    expect(projectionLabel(t, 'evidence-new-thing')).toBe('evidence-new-thing');
  });
  it('rounds a lag to what a person reads', () => {
    expect(durationLabel(t, 0)).toBe('0 s');
    expect(durationLabel(t, 89.6)).toBe('90 s');
    expect(durationLabel(t, 600)).toBe('10 min');
    expect(durationLabel(t, 4 * 3600)).toBe('4 u');
  });
});
