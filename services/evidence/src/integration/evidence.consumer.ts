import { newRecordId } from '@police/event-store';
import { ContractHandlers } from '@police/messaging';
import { ServiceEventSourcing } from '@police/platform';
import { FoundObjectCategory } from '../domain/found-object.events';
import { foundObjectAggregate } from '../evidence.aggregates';
import { caseStream, CaseDirectoryEvent } from '../domain/case-directory.events';
import { lossStream, LossDeclarationRecorded } from '../domain/loss-declaration.events';

const SYSTEM = 'system:evidence-consumer';

/**
 * Inbound contracts become local events in the evidence log, in the inbox transaction: the case
 * directory (to validate case references and decide who may see an item), found objects declared at
 * the desk, and loss declarations to match them with. The message id is the event id, so a
 * redelivery appends nothing.
 */
export function evidenceHandlers(es: ServiceEventSourcing): ContractHandlers {
  const recordCase = async (
    investigationId: string,
    event: CaseDirectoryEvent,
    ctx: Parameters<NonNullable<ContractHandlers['investigations.InvestigationOpened.v1']>>[1],
  ) => {
    await es.store.withTransaction(ctx.client).appendToStream(
      caseStream(investigationId),
      [
        {
          id: ctx.message.id,
          type: event.type,
          data: event.data,
          metadata: {
            actor: SYSTEM,
            occurredAt: new Date().toISOString(),
            correlationId: ctx.message.correlationId,
            causationId: ctx.message.id,
          },
        },
      ],
      { trace: ctx.trace },
    );
  };
  const foundObjects = es.commands(foundObjectAggregate);
  return {
    'investigations.InvestigationOpened.v1': (p, ctx) =>
      recordCase(
        p.investigationId,
        {
          type: 'CaseReferenced',
          data: {
            investigationId: p.investigationId,
            ...(p.caseNumber ? { caseNumber: p.caseNumber } : {}),
            team: p.team,
            phenomenon: p.phenomenon,
            openedAt: p.openedAt,
          },
        },
        ctx,
      ),
    'investigations.InvestigationAssigned.v1': (p, ctx) =>
      recordCase(
        p.investigationId,
        {
          type: 'CaseAssigned',
          data: {
            investigationId: p.investigationId,
            team: p.team,
            ...(p.leadInvestigator ? { leadInvestigator: p.leadInvestigator } : {}),
            assignedAt: p.assignedAt,
          },
        },
        ctx,
      ),
    'investigations.InvestigationClosed.v1': (p, ctx) =>
      recordCase(
        p.investigationId,
        { type: 'CaseClosed', data: { investigationId: p.investigationId, outcome: p.outcome, closedAt: p.closedAt } },
        ctx,
      ),
    'investigations.InvestigationReopened.v1': (p, ctx) =>
      recordCase(p.investigationId, { type: 'CaseReopened', data: { investigationId: p.investigationId, reopenedAt: p.reopenedAt } }, ctx),
    'reports.FoundObjectDeclared.v1': async (p, ctx) => {
      const foundObjectId = newRecordId('found-object', SYSTEM, ctx.message.id);
      await foundObjects.on(es.store.withTransaction(ctx.client)).handle(
        foundObjectId,
        {
          type: 'RegisterFoundObject',
          data: {
            foundObjectId,
            source: { kind: 'declaration', reportId: p.reportId, declarantRef: p.declarantRef, declaredAt: p.declaredAt },
            category: p.category as FoundObjectCategory,
            description: p.description,
            place: p.place,
            foundOn: p.foundOn,
          },
        },
        {
          actor: { staffId: SYSTEM },
          now: new Date(),
          correlationId: ctx.message.correlationId,
          causationId: ctx.message.id,
          idempotencyKey: ctx.message.id,
          trace: ctx.trace,
        },
      );
    },
    'reports.LossDeclared.v1': async (p, ctx) => {
      const event: LossDeclarationRecorded = {
        type: 'LossDeclarationRecorded',
        data: {
          reportId: p.reportId,
          category: p.category,
          description: p.description,
          place: p.place,
          lostOn: p.lostOn,
          declarantRef: p.declarantRef,
          declaredAt: p.declaredAt,
        },
      };
      await es.store.withTransaction(ctx.client).appendToStream(
        lossStream(p.reportId),
        [
          {
            id: ctx.message.id,
            type: event.type,
            data: event.data,
            metadata: {
              actor: SYSTEM,
              occurredAt: new Date().toISOString(),
              correlationId: ctx.message.correlationId,
              causationId: ctx.message.id,
            },
          },
        ],
        { trace: ctx.trace },
      );
    },
  };
}
