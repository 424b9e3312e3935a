import { PublicMessage, publicMessage } from '@police/messaging';
import type { RecordedEvent } from '@police/event-store';
import type { IntegrityComplaintReceived } from '../domain/complaint.events';

/**
 * Integrity's one public contract: the receipt of a complaint handed off by a reports intake, so that reports
 * can destroy its own copy (ADR 0053). It says which report and when, nothing of the complaint; every other event
 * stays in the compartment.
 */
export function integrityToPublic(event: RecordedEvent): PublicMessage | null {
  if (event.type !== 'IntegrityComplaintReceived') return null;
  const d = event.data as IntegrityComplaintReceived['data'];
  if (d.channel !== 'desk_report' || d.reportId === undefined) return null;
  return publicMessage(event, 'integrity.ComplaintReceived.v1', { reportId: d.reportId, receivedAt: d.recordedAt });
}
