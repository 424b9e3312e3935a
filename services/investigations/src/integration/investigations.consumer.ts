import { Logger } from '@nestjs/common';
import { CommandInput, idempotentEventId } from '@police/event-store';
import { ConsumerContext, ContractHandlers } from '@police/messaging';
import { ServiceEventSourcing } from '@police/platform';
import type { ItemRegisteredV1, LabResultReceivedV1, ReportReferredForInvestigationV1 } from '@police/contracts';
import { InvestigationCommand } from '../domain/investigation.decide';
import { investigationAggregate } from '../investigations.aggregates';
import { investigationStream } from '../domain/investigation.stream';
import { InvestigationRow } from '../read-model/investigations/investigation.read-model';
import { InvestigationsConfig, phenomenonOf, routeOf, routingOf, teamKey } from '../investigations.config';

export const CONSUMER_ACTOR = 'system:investigations-consumer';

/** The investigation a referred report opens: one per report, so a second referral finds the first case. */
export function referredInvestigationId(reportId: string): string {
  return idempotentEventId('investigation-from-report', reportId, 0);
}

/**
 * Inbound contracts become commands on investigations, in the inbox transaction (the message id is the
 * idempotency key, so a redelivery appends nothing). A report already in a case joins nothing new. A
 * message the domain refuses (a DomainError: an unknown investigation, say) is parked by the platform's
 * consumer in `investigations.parked_messages` with the reason, and the consumer goes on; nothing is
 * dropped. Evidence and lab results that reach a closed case are kept there, flagged.
 */
export function investigationsHandlers(config: InvestigationsConfig, logger = new Logger('investigations:consumer')) {
  return (es: ServiceEventSourcing): ContractHandlers => {
    const investigations = es.commands(investigationAggregate);
    const run = async (investigationId: string, command: CommandInput<InvestigationCommand>, ctx: ConsumerContext): Promise<void> => {
      await investigations.on(es.store.withTransaction(ctx.client)).handle(investigationId, command, {
        actor: { staffId: CONSUMER_ACTOR },
        now: new Date(),
        correlationId: ctx.message.correlationId,
        causationId: ctx.message.id,
        idempotencyKey: ctx.message.id,
        trace: ctx.trace,
      });
    };

    // Through the inbox transaction's own connection: the pool may have no other one (embedded mode).
    const table = (): string =>
      es.dataSource
        .getMetadata(InvestigationRow)
        .tablePath.split('.')
        .map((p) => `"${p}"`)
        .join('.');

    /**
     * The case a PV number belongs to (through its referred or joined reports), when exactly one holds
     * it and it is not a restricted team's. A PV number is all the evidence service could check of such
     * an item (it knows cases by id only), so it never reaches a case hidden from most: evidence for a
     * restricted case is registered with the case's id, which evidence checks against the writer.
     */
    const caseOfPv = async (pvNumber: string, ctx: ConsumerContext): Promise<string | undefined> => {
      const { rows } = await ctx.client.query<{ id: string; team: string }>(
        `SELECT id, team FROM ${table()} WHERE $1 = ANY("pvNumbers") LIMIT 2`,
        [pvNumber],
      );
      if (rows.length !== 1) return undefined;
      if (config.restrictedTeams.includes(teamKey(rows[0].team))) {
        logger.log(`an item registered on PV ${pvNumber} only is not linked to restricted investigation ${rows[0].id}`);
        return undefined;
      }
      return rows[0].id;
    };

    /** The case an evidence item is linked to, when exactly one holds it. */
    const caseOfItem = async (itemId: string, ctx: ConsumerContext): Promise<string | undefined> => {
      const { rows } = await ctx.client.query<{ id: string }>(`SELECT id FROM ${table()} WHERE state->'evidenceItems' ? $1 LIMIT 2`, [
        itemId,
      ]);
      return rows.length === 1 ? rows[0].id : undefined;
    };

    return {
      'reports.ReportReferredForInvestigation.v1': async (p: ReportReferredForInvestigationV1, ctx) => {
        const { rows } = await ctx.client.query<{ id: string }>(`SELECT id FROM ${table()} WHERE $1 = ANY("reportIds") LIMIT 1`, [
          p.reportId,
        ]);
        if (rows.length > 0) {
          logger.log(`report ${p.reportId} is already part of investigation ${rows[0].id}; referral ${ctx.message.id} joins nothing new`);
          return;
        }
        const investigationId = referredInvestigationId(p.reportId);
        // The read model may not show a case opened a moment ago (a referral sent twice in quick
        // succession): its stream, read in this transaction, does.
        const { currentVersion } = await es.store
          .withTransaction(ctx.client)
          .readStream(investigationStream(investigationId), { toVersion: 0 });
        if (currentVersion >= 0) {
          logger.log(`report ${p.reportId} already opened investigation ${investigationId}; referral ${ctx.message.id} opens nothing new`);
          return;
        }
        const phenomenon = phenomenonOf(config, p.incidentType);
        const routed = routeOf(config, phenomenon);
        await run(
          investigationId,
          {
            type: 'OpenInvestigation',
            data: {
              investigationId,
              kind: 'opsporingsonderzoek',
              origin: {
                kind: 'report',
                report: {
                  reportId: p.reportId,
                  ...(p.pvNumber ? { pvNumber: p.pvNumber } : {}),
                  kind: p.kind,
                  incidentType: p.incidentType,
                  incidentFrom: p.incidentFrom,
                  ...(p.incidentTo ? { incidentTo: p.incidentTo } : {}),
                  place: {
                    municipality: p.place.municipality,
                    ...(p.place.postalCode ? { postalCode: p.place.postalCode } : {}),
                    ...(p.place.address ? { address: p.place.address } : {}),
                  },
                  summary: p.summary,
                  parties: p.parties.map((x) => ({ partyId: x.partyId, role: x.role, displayName: x.displayName })),
                },
              },
              phenomenon,
              title:
                `${p.incidentType}, ${p.place.address ? `${p.place.address}, ` : ''}${p.place.municipality}${p.pvNumber ? ` (${p.pvNumber})` : ''}`.slice(
                  0,
                  200,
                ),
              // A phenomenon the zone does not route goes to the team that reroutes by hand; a zone with no
              // such team refuses the referral (no_route_for_phenomenon), so it is parked until the zone
              // routes the phenomenon and the IT desk replays it.
              ...(routed === undefined && config.unroutedTeam.trim() !== '' ? { team: teamKey(config.unroutedTeam) } : {}),
              routing: routingOf(config),
            },
          },
          ctx,
        );
      },
      'evidence.ItemRegistered.v1': async (p: ItemRegisteredV1, ctx) => {
        const investigationId = p.investigationId ?? (p.pvNumber ? await caseOfPv(p.pvNumber, ctx) : undefined);
        if (!investigationId) return;
        await run(
          investigationId,
          {
            type: 'LinkEvidence',
            data: {
              itemId: p.itemId,
              labelNumber: p.labelNumber,
              ...(p.investigationId ? { investigationId: p.investigationId } : {}),
              ...(p.pvNumber ? { pvNumber: p.pvNumber } : {}),
              category: p.category,
              description: p.description,
              seizedAt: p.seizedAt,
              registeredAt: p.registeredAt,
              custodian: p.custodian,
            },
          },
          ctx,
        );
      },
      'evidence.LabResultReceived.v1': async (p: LabResultReceivedV1, ctx) => {
        // A result for an item registered on a PV number only: the case its item was linked to, when exactly one holds it.
        const investigationId = p.investigationId ?? (await caseOfItem(p.itemId, ctx));
        if (!investigationId) return;
        await run(
          investigationId,
          {
            type: 'LinkLabResult',
            data: {
              itemId: p.itemId,
              investigationId,
              laboratory: p.laboratory,
              labReference: p.labReference,
              analysis: p.analysis,
              conclusion: p.conclusion,
              receivedAt: p.receivedAt,
            },
          },
          ctx,
        );
      },
    };
  };
}
