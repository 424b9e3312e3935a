import { EncryptionPolicy, erasedList, erasedText, ErasureMarker, erasureMarker, KeyDestruction } from '@police/event-store';
import type {
  ConductComplaintReceiptConfirmed,
  ConductComplaintRoutedToIntegrity,
  InvestigationRequested,
  ReportAmended,
  ReportReceived,
  ReportStatementErased,
} from './domain/report.events';
import type { OpenReport } from './domain/report.state';

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
    ReportStatementErased: (d: ReportStatementErased['data']): KeyDestruction => statementErasure(d),
  },
};

function statementErasure(d: ReportStatementErased['data']): KeyDestruction {
  return { keyId: reportKeyId(d.reportId), by: d.erasedBy, at: d.erasedAt, decision: d.decision };
}

/**
 * A report as its row keeps it, once the DPO erased its statement (ADR 0065): each sealed field the marker a reader
 * of its events now gets, so the row says what a rebuild from the log would say.
 */
export function withStatementErased(report: OpenReport, d: ReportStatementErased['data']): OpenReport {
  const destruction = statementErasure(d);
  const marker = erasureMarker(destruction.keyId, destruction);
  const erased: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(statement)) if (field in report) erased[field] = value(marker);
  return { ...report, ...erased };
}
