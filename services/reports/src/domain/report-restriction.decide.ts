import { EraseStatement, LiftProcessingRestriction, RestrictProcessing } from './report.commands';
import { ReportConflict } from './report.errors';
import { ProcessingRestricted, ProcessingRestrictionLifted, ReportStatementErased } from './report.events';
import { open, received, requireText } from './report.guards';
import { ReportState } from './report.state';
import { toIso } from './reports.decide';

// Restriction of processing by the DPO (LED art. 16 §3; ADR 0056): a data subject contests the data's accuracy, or
// the data must be kept as evidence instead of erased. The report then answers like a sealed record.

export function decideRestrictProcessing(state: ReportState, { data, metadata }: RestrictProcessing): [ProcessingRestricted] {
  const report = received(state);
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
  const report = received(state);
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

/**
 * Erasure on request (LED art. 16 §2; ADR 0065). Where the statement is part of a judicial file — an investigation
 * was asked for, or a PV went to the prosecutor — erasure is the judicial authority's decision, not the DPO's: the
 * DPO restricts processing instead (the report answers like a sealed record).
 */
export function decideEraseStatement(state: ReportState, { data, metadata }: EraseStatement): [ReportStatementErased] {
  // An erased statement is refused by `open`, as for any other work on it.
  const report = open(state);
  requireText(data, ['decision', 'reason']);
  if (report.investigationRequestedAt !== null || data.inJudicialFile)
    throw new ReportConflict(
      'statement_in_judicial_file',
      report.investigationRequestedAt !== null
        ? `An investigation was asked for on ${report.investigationRequestedAt}: the statement is in a judicial file, which the magistrate decides on; restrict its processing instead`
        : 'A PV of this report went to the prosecutor: the statement is in a judicial file, which the magistrate decides on; restrict its processing instead',
    );
  return [
    {
      type: 'ReportStatementErased',
      data: {
        reportId: report.reportId,
        decision: data.decision,
        reason: data.reason,
        erasedBy: metadata.actor.staffId,
        erasedAt: toIso(metadata.now),
      },
    },
  ];
}
