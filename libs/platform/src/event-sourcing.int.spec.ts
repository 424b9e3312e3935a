import { randomBytes, randomUUID } from 'node:crypto';
import { reportReferredForInvestigationV1Fixture } from '@police/contracts';
import { handleCommand, Projection } from '@police/event-store';
import { KafkaMessageBus, publicMessage } from '@police/messaging';
import { createTestDatabase, eventually, TestDatabase, testKafkaBrokers } from '@police/testing';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ServiceEventSourcing } from './event-sourcing';
import { ServiceRuntime } from './runtime';

@Entity({ name: 'report_rows', schema: 'reports' })
class ReportRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text') status: string;
}

@Entity({ name: 'opened_rows', schema: 'investigations' })
class OpenedRow {
  @PrimaryColumn('text') id: string;
  @Column('uuid') sourceReportId: string;
}

const reportRows: Projection<ReportRow> = {
  name: 'report-rows',
  entity: ReportRow,
  handles: ['ReportRegistered', 'ReportReferred'],
  keys: (e) => [(e.data as { reportId: string }).reportId],
  evolve: (_row, e) => ({ id: (e.data as { reportId: string }).reportId, status: e.type === 'ReportReferred' ? 'referred' : 'registered' }),
};

const openedRows: Projection<OpenedRow> = {
  name: 'opened-rows',
  entity: OpenedRow,
  handles: ['InvestigationOpened'],
  keys: (e) => [e.streamId],
  evolve: (_row, e) => ({ id: e.streamId, sourceReportId: (e.data as { sourceReportId: string }).sourceReportId }),
};

// Two services on one PostgreSQL server and a real Kafka broker: a command in one reaches the other's
// log and read model through the relay, the topic and the inbox — the path every cross-service flow takes.
describe('ServiceEventSourcing across two services over Kafka', () => {
  let db: TestDatabase;
  let reports: ServiceEventSourcing;
  let investigations: ServiceEventSourcing;
  const buses: KafkaMessageBus[] = [];
  const namespace = `t${randomBytes(4).toString('hex')}.`;

  const runtime = (service: 'reports' | 'investigations'): ServiceRuntime => {
    const bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: `${namespace}${service}` });
    buses.push(bus);
    return { service, mode: 'production', schema: service, pool: db.pool(5), sharedPool: false, notifications: true, bus, namespace };
  };

  beforeAll(async () => {
    db = await createTestDatabase('es2');
    reports = new ServiceEventSourcing(runtime('reports'), {
      entities: [ReportRow],
      projections: [reportRows],
      toPublic: (e) =>
        e.type === 'ReportReferred'
          ? publicMessage(e, 'reports.ReportReferredForInvestigation.v1', {
              ...reportReferredForInvestigationV1Fixture,
              reportId: (e.data as { reportId: string }).reportId,
            })
          : null,
    });
    investigations = new ServiceEventSourcing(runtime('investigations'), {
      entities: [OpenedRow],
      projections: [openedRows],
      consume: {
        from: ['reports'],
        handlers: (es) => ({
          'reports.ReportReferredForInvestigation.v1': async (payload, ctx) => {
            await es.store.withTransaction(ctx.client).appendToStream(
              `investigation-from-${payload.reportId}`,
              [
                {
                  id: ctx.message.id,
                  type: 'InvestigationOpened',
                  data: { sourceReportId: payload.reportId, phenomenon: payload.incidentType },
                  metadata: {
                    actor: 'system:reports-consumer',
                    occurredAt: new Date().toISOString(),
                    correlationId: ctx.message.correlationId,
                    causationId: ctx.message.id,
                  },
                },
              ],
              { expected: 'no_stream' },
            );
          },
        }),
      },
    });
    await reports.start();
    await investigations.start();
  });
  afterAll(async () => {
    await investigations.stop();
    await reports.stop();
    await Promise.all(buses.map((b) => b.close()));
    await db.drop();
  });

  it('turns a referral in one service into an opened investigation and read-model row in the other, once', async () => {
    const reportId = randomUUID();
    const ctx = { actor: 'staff-4711', now: new Date('2026-11-22T09:00:00Z'), correlationId: 'corr-referral', causationId: 'cmd-1' };
    const fold = { evolve: (s: number) => s + 1, initialState: () => 0 };
    await handleCommand(reports.store, `report-${reportId}`, () => ({ type: 'ReportRegistered', data: { reportId } }), {
      ...fold,
      context: ctx,
    });
    await handleCommand(reports.store, `report-${reportId}`, () => ({ type: 'ReportReferred', data: { reportId } }), {
      ...fold,
      context: ctx,
    });

    await eventually(
      async () => expect(await reports.dataSource.getRepository(ReportRow).find()).toEqual([{ id: reportId, status: 'referred' }]),
      { timeoutMs: 30_000 },
    );
    const opened = await eventually(
      async () => {
        const { events } = await investigations.store.readStream(`investigation-from-${reportId}`);
        expect(events).toHaveLength(1);
        return events[0];
      },
      { timeoutMs: 30_000 },
    );
    const referred = (await reports.store.readStream(`report-${reportId}`)).events[1];
    expect({
      id: opened.id,
      type: opened.type,
      data: opened.data,
      correlationId: opened.metadata.correlationId,
      causationId: opened.metadata.causationId,
    }).toEqual({
      id: referred.id,
      type: 'InvestigationOpened',
      data: { sourceReportId: reportId, phenomenon: 'woninginbraak' },
      correlationId: 'corr-referral',
      causationId: referred.id,
    });
    await eventually(
      async () =>
        expect(await investigations.dataSource.getRepository(OpenedRow).find()).toEqual([
          { id: `investigation-from-${reportId}`, sourceReportId: reportId },
        ]),
      {
        timeoutMs: 30_000,
      },
    );
    const inbox = await db.pool(1).query('SELECT message_id, type FROM investigations.inbox');
    expect(inbox.rows).toEqual([{ message_id: referred.id, type: 'reports.ReportReferredForInvestigation.v1' }]);
  });
});
