import { LiftProcessingRestriction, RestrictProcessing } from './report.commands';
import { ReportConflict } from './report.errors';
import { ProcessingRestricted, ProcessingRestrictionLifted } from './report.events';
import { open, requireText } from './report.guards';
import { ReportState } from './report.state';
import { toIso } from './reports.decide';

// Restriction of processing by the DPO (LED art. 16 §3; ADR 0056): a data subject contests the data's accuracy, or
// the data must be kept as evidence instead of erased. The report then answers like a sealed record.

export function decideRestrictProcessing(state: ReportState, { data, metadata }: RestrictProcessing): [ProcessingRestricted] {
  const report = open(state);
  requireText(data, ['decision', 'reason']);
  if (report.processingRestriction)
    throw new ReportConflict('processing_already_restricted', `Its processing is restricted since ${report.processingRestriction.at}`);
  return [
    {
      type: 'ProcessingRestricted',
      data: {
        reportId: report.reportId,
        decision: data.decision,
        reason: data.reason,
        restrictedBy: metadata.actor.staffId,
        restrictedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideLiftProcessingRestriction(
  state: ReportState,
  { data, metadata }: LiftProcessingRestriction,
): [ProcessingRestrictionLifted] {
  const report = open(state);
  requireText(data, ['decision', 'reason']);
  if (!report.processingRestriction) throw new ReportConflict('processing_not_restricted', 'Its processing is not restricted');
  return [
    {
      type: 'ProcessingRestrictionLifted',
      data: {
        reportId: report.reportId,
        decision: data.decision,
        reason: data.reason,
        liftedBy: metadata.actor.staffId,
        liftedAt: toIso(metadata.now),
      },
    },
  ];
}
