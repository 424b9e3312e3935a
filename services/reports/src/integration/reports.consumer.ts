import { ContractHandlers } from '@police/messaging';
import { ServiceEventSourcing } from '@police/platform';
import { reportAggregate } from '../reports.aggregates';

export const CONSUMER_ACTOR = 'system:reports-consumer';

/**
 * Integrity's receipt of a conduct complaint (F6, ADR 0053): in the inbox transaction, the report records it and
 * its statement is destroyed (the append of `ConductComplaintReceiptConfirmed` destroys the report's data key).
 * Idempotent on the message id; a receipt for a report this service never routed is refused, so parked.
 */
export function reportsHandlers(es: ServiceEventSourcing): ContractHandlers {
  return {
    'integrity.ComplaintReceived.v1': async (p, ctx) => {
      await es
        .commands(reportAggregate)
        .on(es.store.withTransaction(ctx.client))
        .handle(
          p.reportId,
          { type: 'ConfirmConductComplaintReceipt', data: { receiptId: ctx.message.id, receivedAt: p.receivedAt } },
          {
            actor: { staffId: CONSUMER_ACTOR },
            now: new Date(),
            correlationId: ctx.message.correlationId,
            causationId: ctx.message.id,
            idempotencyKey: ctx.message.id,
            trace: ctx.trace,
          },
        );
    },
  };
}
