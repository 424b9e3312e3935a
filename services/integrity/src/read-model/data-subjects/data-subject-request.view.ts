import type {
  DataSubject,
  DataSubjectRequestEvent,
  DataSubjectRequestKind,
  RecordRef,
  WithheldRecord,
} from '../../domain/data-subject-request.events';

/** A data-subject request as the DPO's register shows it: who asked, when, and the decision with its grounds. */
export interface DataSubjectRequestView {
  requestId: string;
  kind: DataSubjectRequestKind;
  subject: DataSubject;
  receivedOn: string;
  identityCheck: string;
  recordedBy: string;
  recordedAt: string;
  status: 'received' | 'decided';
  decision: {
    disclosed: RecordRef[];
    withheld: WithheldRecord[];
    restricted: RecordRef[];
    erased: RecordRef[];
    note: string | null;
    decidedBy: string;
    decidedAt: string;
  } | null;
}

/** The request after one more of its events. */
export function evolveDataSubjectRequestView(
  view: DataSubjectRequestView | null,
  event: DataSubjectRequestEvent,
): DataSubjectRequestView | null {
  switch (event.type) {
    case 'DataSubjectRequestReceived': {
      const d = event.data;
      return {
        requestId: d.requestId,
        kind: d.kind,
        subject: d.subject,
        receivedOn: d.receivedOn,
        identityCheck: d.identityCheck,
        recordedBy: d.recordedBy,
        recordedAt: d.recordedAt,
        status: 'received',
        decision: null,
      };
    }
    case 'DataSubjectRequestDecided': {
      const d = event.data;
      return (
        view && {
          ...view,
          status: 'decided',
          decision: {
            disclosed: d.disclosed,
            withheld: d.withheld,
            restricted: d.restricted,
            erased: d.erased ?? [],
            note: d.note ?? null,
            decidedBy: d.decidedBy,
            decidedAt: d.decidedAt,
          },
        }
      );
    }
  }
}
