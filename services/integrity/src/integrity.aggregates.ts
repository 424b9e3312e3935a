import { aggregate } from '@police/event-store';
import { ComplaintCommand, decideComplaint } from './domain/complaint.decide';
import { ComplaintEvent } from './domain/complaint.events';
import { ComplaintState, evolveComplaint, initialComplaintState } from './domain/complaint.state';
import { Actor } from './domain/integrity.decide';
import {
  integrityComplaintStream,
  integrityDataSubjectRequestStream,
  integrityOrderMeasureStream,
  integrityThreatFileStream,
} from './domain/integrity.stream';
import {
  DataSubjectRequestCommand,
  DataSubjectRequestState,
  decideDataSubjectRequest,
  evolveDataSubjectRequest,
  initialDataSubjectRequestState,
} from './domain/data-subject-request.decide';
import { DataSubjectRequestEvent } from './domain/data-subject-request.events';
import {
  decideOrderMeasure,
  evolveOrderMeasure,
  initialOrderMeasureState,
  OrderMeasureCommand,
  OrderMeasureState,
} from './domain/order-measure.decide';
import { OrderMeasureEvent } from './domain/order-measure.events';
import {
  decideThreatFile,
  evolveThreatFile,
  initialThreatFileState,
  ThreatFileCommand,
  ThreatFileState,
} from './domain/threat-file.decide';
import { ThreatFileEvent } from './domain/threat-file.events';

/** A complaint against police staff, in the corps register. */
export const complaintAggregate = aggregate<ComplaintState, ComplaintEvent, ComplaintCommand, Actor>({
  stream: integrityComplaintStream,
  initialState: initialComplaintState,
  evolve: evolveComplaint,
  decide: decideComplaint,
});

/** An order measure (ordemaatregel) toward a staff member, kept by Bureau Tucht. */
export const orderMeasureAggregate = aggregate<OrderMeasureState, OrderMeasureEvent, OrderMeasureCommand, Actor>({
  stream: integrityOrderMeasureStream,
  initialState: initialOrderMeasureState,
  evolve: evolveOrderMeasure,
  decide: decideOrderMeasure,
});

/** A threat file (dreigingsdossier) among colleagues, kept by Bureau Tucht. */
export const threatFileAggregate = aggregate<ThreatFileState, ThreatFileEvent, ThreatFileCommand, Actor>({
  stream: integrityThreatFileStream,
  initialState: initialThreatFileState,
  evolve: evolveThreatFile,
  decide: decideThreatFile,
});

/** A data-subject request in the DPO's register (ADR 0056). */
export const dataSubjectRequestAggregate = aggregate<DataSubjectRequestState, DataSubjectRequestEvent, DataSubjectRequestCommand, Actor>({
  stream: integrityDataSubjectRequestStream,
  initialState: initialDataSubjectRequestState,
  evolve: evolveDataSubjectRequest,
  decide: decideDataSubjectRequest,
});
