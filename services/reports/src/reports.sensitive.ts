import { EncryptionPolicy, erasedList, erasedText, ErasureMarker, KeyDestruction } from '@police/event-store';
import type {
  ConductComplaintReceiptConfirmed,
  ConductComplaintRoutedToIntegrity,
  InvestigationRequested,
  ReportAmended,
  ReportReceived,
} from './domain/report.events';

/** Each report's statement is sealed under a data key of its own (a record key, ADR 0053). */
export function reportKeyId(reportId: string): string {
  return `report-${reportId}`;
}

/** The erased value of a place: the marker where the municipality was (readers expect one), no address. */
const erasedPlace = (m: ErasureMarker) => ({ municipality: m.text });

/**
 * What a report says about people and what happened to them: its text, its parties, the staff members a conduct
 * complaint concerns, the incident type and the place.
 */
const statement = {
  narrative: erasedText,
  parties: erasedList,
  staffMembersConcerned: erasedList,
  incidentType: erasedText,
  place: erasedPlace,
};
const under = (prefix: string) => Object.fromEntries(Object.entries(statement).map(([field, erased]) => [`${prefix}.${field}`, erased]));

/**
 * The reports service's sensitive fields (crypto-shredding, ADR 0053): every event that carries a report's
 * statement seals it under the report's key; integrity's receipt of a conduct complaint destroys that key, and
 * with it the complaint's text, parties and staff concerned in every event of the report, as stored in the log.
 */
export const REPORTS_ENCRYPTION: EncryptionPolicy = {
  sensitive: {
    ReportReceived: { keyOf: (d: ReportReceived['data']) => reportKeyId(d.reportId), fields: statement },
    ReportAmended: { keyOf: (d: ReportAmended['data']) => reportKeyId(d.reportId), fields: { ...under('changes'), ...under('previous') } },
    InvestigationRequested: {
      keyOf: (d: InvestigationRequested['data']) => reportKeyId(d.reportId),
      fields: { narrative: erasedText, parties: erasedList, incidentType: erasedText, place: erasedPlace },
    },
    ConductComplaintRoutedToIntegrity: {
      keyOf: (d: ConductComplaintRoutedToIntegrity['data']) => reportKeyId(d.reportId),
      fields: under('complaint'),
    },
  },
  erasures: {
    ConductComplaintReceiptConfirmed: (d: ConductComplaintReceiptConfirmed['data']): KeyDestruction => ({
      keyId: reportKeyId(d.reportId),
      by: d.erasedBy,
      at: d.erasedAt,
      decision: d.decision,
    }),
  },
};
