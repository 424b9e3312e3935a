import { DomainError, newRecordId } from '@police/event-store';
import { ContractHandlers } from '@police/messaging';
import { ServiceEventSourcing } from '@police/platform';
import { nextRegisterNumber } from '../integrity.register-numbers';
import { complaintAggregate } from '../integrity.aggregates';
import { dayOf } from '../domain/integrity.decide';
import { integrityComplaintStream } from '../domain/integrity.stream';
import { IntegrityConfig, integrityConfigFromEnv } from '../integrity.config';

export const CONSUMER_ACTOR = 'system:integrity-consumer';

const BRUSSELS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day (in Belgium) a complaint was received, never after today's UTC day: the domain refuses
 * future dates, and a complaint taken at 00:30 in Gent must not be refused for it.
 */
export function receivedOnOf(receivedAt: string, now: Date): string {
  const at = new Date(receivedAt);
  // RFC 3339 allows what a Date cannot hold (a leap second, :60): a refusal, so the message is parked, not retried forever.
  if (Number.isNaN(at.getTime()))
    throw new DomainError('invalid_received_at', `receivedAt ${receivedAt} is not a time this service can read`, 422, 'receivedAt');
  const day = BRUSSELS_DAY.format(at);
  const today = dayOf(now);
  return day > today ? today : day;
}

/** The complaint a desk report becomes: the same message always names the same complaint. */
export function complaintIdOfMessage(messageId: string): string {
  return newRecordId('complaint', CONSUMER_ACTOR, messageId);
}

/**
 * A complaint about police conduct taken at a reports intake (F6) becomes a complaint here, with channel
 * `desk_report` and the report id as its origin pointer, in the inbox transaction. Idempotent on the message
 * id: the complaint id and event ids derive from it, and a redelivery appends nothing. A message the domain
 * refuses (a DomainError) can never succeed: the platform's consumer parks it in `integrity.parked_messages`
 * with the reason, for someone to act on, and goes on with the next; nothing is dropped.
 */
export function integrityHandlers(es: ServiceEventSourcing, config: IntegrityConfig = integrityConfigFromEnv()): ContractHandlers {
  return {
    'reports.PoliceConductComplaintFiled.v1': async (p, ctx) => {
      const store = es.store.withTransaction(ctx.client);
      const complaintId = complaintIdOfMessage(ctx.message.id);
      const { events } = await store.readStream(integrityComplaintStream(complaintId));
      if (events.length > 0) return;
      const now = new Date();
      const registerNumber = await nextRegisterNumber(ctx.client, es.runtime.schema, config.registerPrefix, now);
      await es
        .commands(complaintAggregate)
        .on(store)
        .handle(
          complaintId,
          {
            type: 'ReceiveComplaint',
            data: {
              complaintId,
              registerNumber,
              channel: 'desk_report',
              reportId: p.reportId,
              complainant: { name: p.complainant.name, ...(p.complainant.contact !== undefined && { contact: p.complainant.contact }) },
              staffConcerned: p.staffMembersConcerned,
              facts: p.facts,
              receivedOn: receivedOnOf(p.receivedAt, now),
              ...(p.office !== undefined && { office: p.office }),
            },
          },
          {
            actor: { staffId: CONSUMER_ACTOR },
            now,
            correlationId: ctx.message.correlationId,
            causationId: ctx.message.id,
            idempotencyKey: ctx.message.id,
            trace: ctx.trace,
          },
        );
    },
  };
}
