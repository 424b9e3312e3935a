import type { Projection, RecordedEvent } from '@police/event-store';
import { CONSULTATION_EVENT_TYPES, ConsultationData } from './audit.events';
import { ConsultationRow } from './consultation.read-model';

/** One read-model row per consultation event; rows are never changed afterwards. */
export const consultationsProjection: Projection<ConsultationRow> = {
  name: 'audit-consultations',
  entity: ConsultationRow,
  handles: CONSULTATION_EVENT_TYPES,
  keys: (e: RecordedEvent) => [e.id],
  evolve: (row, e) => {
    if (row) return row;
    const d = e.data as ConsultationData;
    return {
      eventId: e.id,
      at: new Date(d.at),
      actorStaffId: d.actor.staffId,
      actorUsername: d.actor.username,
      actorRoles: d.actor.roles,
      actorTeams: d.actor.teams,
      actorUnit: d.actor.unit,
      subjectType: d.subject.type,
      subjectIds: d.subject.ids,
      caseRef: d.subject.caseRef ?? null,
      subjectCompartments: d.subject.compartments ?? [],
      concernedStaffIds: d.subject.concernedStaffIds ?? [],
      kind: d.kind,
      outcome: d.outcome,
      basis: d.basis ?? null,
      refusal: d.refusal ?? null,
      reason: d.reason,
      breakGlass: d.breakGlass,
      justification: d.justification?.text ?? null,
      justificationCaseRef: d.justification?.caseRef ?? null,
      method: d.endpoint.method,
      route: d.endpoint.route,
      correlationId: d.correlationId,
      streamId: e.streamId,
      streamVersion: e.streamVersion,
    };
  },
};
