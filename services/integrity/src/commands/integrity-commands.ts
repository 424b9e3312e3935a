import { commandContext, CommandResult, EventStore, handleCommand, RequestContext } from '@police/event-store';
import { ComplaintCommand, decideComplaint } from '../domain/complaint.decide';
import { ComplaintEvent } from '../domain/complaint.events';
import { ComplaintState, evolveComplaint, initialComplaintState } from '../domain/complaint.state';
import { Actor } from '../domain/integrity.decide';
import { integrityComplaintStream, integrityOrderMeasureStream, integrityThreatFileStream } from '../domain/integrity.stream';
import { decideOrderMeasure, evolveOrderMeasure, initialOrderMeasureState, OrderMeasureCommand, OrderMeasureState } from '../domain/order-measure.decide';
import { OrderMeasureEvent } from '../domain/order-measure.events';
import { decideThreatFile, evolveThreatFile, initialThreatFileState, ThreatFileCommand, ThreatFileState } from '../domain/threat-file.decide';
import { ThreatFileEvent } from '../domain/threat-file.events';

export { newRecordId } from '@police/event-store';

/** Who asks and in answer to what, as the HTTP edge (or the consumer) established it. */
export type IntegrityRequestContext = RequestContext<Actor>;

export type ComplaintEnvelope = Pick<ComplaintCommand, 'type' | 'data'>;
export type OrderMeasureEnvelope = Pick<OrderMeasureCommand, 'type' | 'data'>;
export type ThreatFileEnvelope = Pick<ThreatFileCommand, 'type' | 'data'>;

/** The service's aggregates (complaint, order measure, threat file): load → decide → append. */
export class IntegrityCommands {
  constructor(private readonly store: EventStore) {}

  complaint(complaintId: string, command: ComplaintEnvelope, ctx: IntegrityRequestContext): Promise<CommandResult<ComplaintState>> {
    return handleCommand<ComplaintState, ComplaintEvent>(
      this.store,
      integrityComplaintStream(complaintId),
      (state) => decideComplaint(state, { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as ComplaintCommand),
      { evolve: evolveComplaint, initialState: initialComplaintState, context: commandContext(ctx), expected: ctx.expected },
    );
  }

  orderMeasure(measureId: string, command: OrderMeasureEnvelope, ctx: IntegrityRequestContext): Promise<CommandResult<OrderMeasureState>> {
    return handleCommand<OrderMeasureState, OrderMeasureEvent>(
      this.store,
      integrityOrderMeasureStream(measureId),
      (state) => decideOrderMeasure(state, { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as OrderMeasureCommand),
      { evolve: evolveOrderMeasure, initialState: initialOrderMeasureState, context: commandContext(ctx), expected: ctx.expected },
    );
  }

  threatFile(threatFileId: string, command: ThreatFileEnvelope, ctx: IntegrityRequestContext): Promise<CommandResult<ThreatFileState>> {
    return handleCommand<ThreatFileState, ThreatFileEvent>(
      this.store,
      integrityThreatFileStream(threatFileId),
      (state) => decideThreatFile(state, { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as ThreatFileCommand),
      { evolve: evolveThreatFile, initialState: initialThreatFileState, context: commandContext(ctx), expected: ctx.expected },
    );
  }
}
