import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Aggregate, CommandWithMetadata, DomainEvent, EventStore, KeyEncryptionKey, NewEvent } from '@police/event-store';
import type { MessageBus, MessageSubscription } from '@police/messaging';
import { EVENT_SOURCING, keyEncryptionKeyFromEnv, ServiceEventSourcing, ServiceName } from '@police/platform';
import type { Pool } from 'pg';
import { createEmbeddedApp } from '../infra/embedded/src/embedded.module';
import { itemAggregate } from '../services/evidence/src/evidence.aggregates';
import type { Actor as EvidenceActor } from '../services/evidence/src/domain/evidence.decide';
import type { ItemCategory } from '../services/evidence/src/domain/item.events';
import { DEFAULT_DISCIPLINE_CONFIG } from '../services/integrity/src/integrity.config';
import { complaintAggregate } from '../services/integrity/src/integrity.aggregates';
import type { Actor as IntegrityActor } from '../services/integrity/src/domain/integrity.decide';
import { GENT_ROUTING } from '../services/investigations/src/investigations.config';
import { investigationAggregate } from '../services/investigations/src/investigations.aggregates';
import type { Actor as InvestigationsActor } from '../services/investigations/src/domain/investigations.decide';
import type { PartyRole } from '../services/investigations/src/domain/investigation.events';
import { reportAggregate } from '../services/reports/src/reports.aggregates';
import type { Actor as ReportsActor } from '../services/reports/src/domain/reports.decide';

/**
 * Seeds a zone's worth of history over the four services (`npm run seed:scale`, and the `scale` bench):
 * every stream is made by its aggregate's own pure decider from commands (so the events are the ones the
 * product would append, valid for every projection), appended through each service's event store (the
 * reports service seals its statements with its encryption policy under the configured key-encryption
 * key), many appends in flight so the store's group commit batches them. Projections do not follow the
 * appends: every projection is then rebuilt from the whole log, measured.
 */

/** Events of the one investigation whose case file, timeline and asOf are measured. */
export const BIG_CASE_EVENTS = 1000;

/** Appends in flight while seeding (the store's group commit batches them). */
const APPENDERS = 32;

/** What the seed made that the reads ask for. */
export interface ScaleSeed {
  events: number;
  byService: Record<ServiceName, { streams: number; events: number }>;
  appendSeconds: number;
  /** CPU time of this process while seeding (deciders, sealing, hashing, the driver): steadier than time on a shared machine. */
  cpuSeconds: number;
  /**
   * The investigation with {@link BIG_CASE_EVENTS} events, and a moment half-way through its history as the
   * store recorded it (asOf reads by the time of recording): its events are appended in many appends.
   */
  bigCase: { investigationId: string; events: number; midway: string };
  /** A person linked to many investigations, and a name to look up. */
  person: { personId: string; name: string; appearances: number };
}

export interface RebuildFigures {
  seconds: number;
  /** CPU time of this process while rebuilding (reading, opening sealed fields, folding, writing): steadier than time on a shared machine. */
  cpuSeconds: number;
  /** Events in the four logs. */
  logEvents: number;
  /** Events applied summed over every projection (each replays the events of its types, ADR 0063). */
  replayed: number;
  /** Each projection, with the seconds of its service's pass (its projections are rebuilt together). */
  projections: { service: ServiceName; projection: string; events: number; seconds: number }[];
}

/** A bus that carries nothing: the relay and consumers run, but the seeded history is not sent across services again. */
export class DiscardingBus implements MessageBus {
  publish(): Promise<void> {
    return Promise.resolve();
  }
  async subscribe(): Promise<MessageSubscription> {
    return { stop: async () => undefined, status: () => ({ joined: true }), joined: async () => undefined };
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The key-encryption key as the reports service is configured with it (`EVENT_KEY_ENCRYPTION_KEY`, or its file under `DATA_DIR`). */
export function configuredKeyEncryptionKey(): KeyEncryptionKey {
  return keyEncryptionKeyFromEnv(path.join(process.env.DATA_DIR ?? '.data', 'reports')).key;
}

/** The four services in one Nest app on `pool` (as the embedded product runs them), with dev tokens. */
export async function createScaleApp(pool: Pool, keyEncryptionKey: KeyEncryptionKey): Promise<INestApplication> {
  const app = await createEmbeddedApp({
    pool,
    bus: new DiscardingBus(),
    notifications: true,
    keyEncryptionKey,
    security: {
      authentication: { kind: 'dev' },
      logLevel: 'silent',
      rateLimits: { auth: { limit: 10_000, windowMs: 60_000 }, search: { limit: 1_000_000, windowMs: 60_000 } },
    },
  });
  app.useLogger(false);
  await app.listen(0, '127.0.0.1');
  return app;
}

/** The event sourcing of one of the app's services (each module registers its own under the same token). */
export function eventSourcingOf(app: INestApplication, service: ServiceName): ServiceEventSourcing {
  for (const module of app.get(ModulesContainer).values()) {
    const es = module.providers.get(EVENT_SOURCING)?.instance as ServiceEventSourcing | undefined;
    if (es?.runtime.service === service) return es;
  }
  throw new Error(`no ${service} service in the app`);
}

/** A deterministic pseudo-random source: the same zone on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const FIRST = ['Jan', 'Piet', 'Marie', 'An', 'Els', 'Tom', 'Koen', 'Sofie', 'Lotte', 'Wim', 'Bart', 'Hilde', 'Ines', 'Filip', 'Luc'];
const SURNAMES = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois'];
const STREETS = ['Kortrijksesteenweg', 'Overpoortstraat', 'Veldstraat', 'Korenmarkt', 'Vrijdagmarkt', 'Dampoortstraat', 'Coupure'];
const INCIDENTS = ['fietsdiefstal', 'woninginbraak', 'autokraak', 'winkeldiefstal', 'vandalisme', 'drugs', 'oplichting', 'bedreiging'];
const SERVICES = ['Diefstallen', 'Drugs', 'Zeden', 'Geweld', 'Interventie', 'Wijkdienst'];
const PHENOMENA = ['woninginbraak', 'autokraak', 'drugs', 'slagen_en_verwondingen', 'gauwdiefstal', 'metaaldiefstal', 'steaming'];
const CATEGORIES: ItemCategory[] = ['drugs', 'weapon', 'cash', 'phone_or_data_carrier', 'document', 'trace', 'other'];

/** Two years of a zone's history: the n-th of `count` streams of a service starts this long after the start. */
const START = Date.UTC(2025, 0, 1);
const SPAN_MS = 700 * 86_400_000;

/** One stream as its aggregate decides it: each command decided on the state the previous ones left. */
function decided<S, E extends DomainEvent, C extends { type: string }, A extends { staffId: string }>(
  aggregate: Aggregate<S, E, C, A>,
  id: string,
  commands: CommandWithMetadata<C, A>[],
): { stream: string; events: NewEvent[] } {
  let state = aggregate.initialState();
  const events: NewEvent[] = [];
  const correlationId = randomUUID();
  for (const command of commands) {
    const out = aggregate.decide(state, command);
    for (const e of Array.isArray(out) ? out : [out]) {
      state = aggregate.evolve(state, e);
      events.push({
        id: randomUUID(),
        type: e.type,
        data: e.data,
        metadata: {
          actor: command.metadata.actor.staffId,
          occurredAt: command.metadata.now.toISOString(),
          correlationId,
          causationId: randomUUID(),
        },
      });
    }
  }
  return { stream: aggregate.stream(id), events };
}

type Stream = { stream: string; events: NewEvent[]; chunked?: boolean };

/** Events per append of the big case: a case file grows by many commands, not in one append. */
const CHUNK = 50;

/** Appends the big case's events a chunk at a time, noting the moment between the two halves. */
async function appendInChunks(store: EventStore, s: Stream, bigCase: ScaleSeed['bigCase']): Promise<void> {
  for (let from = 0; from < s.events.length; from += CHUNK) {
    await store.appendToStream(s.stream, s.events.slice(from, from + CHUNK), { expected: from === 0 ? 'no_stream' : from - 1 });
    if (from + CHUNK === Math.floor(s.events.length / CHUNK / 2) * CHUNK) {
      await new Promise((r) => setTimeout(r, 20));
      bigCase.midway = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** A report taken in at a desk, most assigned to a service. */
function report(n: number, total: number, rnd: () => number): Stream {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const reportId = randomUUID();
  const at = new Date(START + Math.floor((n / total) * SPAN_MS));
  const desk: ReportsActor = { staffId: '5415-0101' };
  const commands: CommandWithMetadata<Parameters<typeof reportAggregate.decide>[1], ReportsActor>[] = [
    {
      type: 'ReceiveReport',
      data: {
        reportId,
        kind: rnd() < 0.85 ? 'aangifte' : 'melding',
        channel: { kind: 'front_desk', officeId: 'apg' },
        urgent: false,
        appointmentRef: `APT-${n}`,
        incidentType: pick(INCIDENTS),
        timeWindow: { from: new Date(at.getTime() - 86_400_000).toISOString(), to: at.toISOString() },
        place: { municipality: 'Gent', postalCode: '9000', address: `${pick(STREETS)} ${1 + Math.floor(rnd() * 200)}` },
        narrative: `Aangever meldt ${pick(INCIDENTS)} aan de ${pick(STREETS)}.`,
        parties: [{ partyId: randomUUID(), name: `${pick(FIRST)} ${pick(SURNAMES)}`, roles: ['reporter', 'victim'] }],
        motiveFlags: [],
        victimSupportWanted: false,
        concernsPoliceConduct: false,
        officeRules: { apg: { walkIn: false } },
      },
      metadata: { actor: desk, now: at },
    },
  ];
  if (rnd() < 0.8)
    commands.push({
      type: 'AssignReportToService',
      data: { serviceId: pick(SERVICES) },
      metadata: { actor: desk, now: new Date(at.getTime() + 600_000) },
    });
  return decided(reportAggregate, reportId, commands);
}

/** The persons investigations link: few enough that a person appears in several cases. */
function person(i: number): { personId: string; name: string } {
  const hex = i.toString(16).padStart(12, '0');
  return {
    personId: `00000000-0000-4000-8000-${hex}`,
    name: `${FIRST[i % FIRST.length]} ${SURNAMES[Math.floor(i / FIRST.length) % SURNAMES.length]} ${i}`,
  };
}

/**
 * An investigation: opened (routed by phenomenon), a lead, parties linked, tasks created and done. With
 * `size`, as many tasks as make it `size` events long.
 */
function investigation(n: number, total: number, persons: number, rnd: () => number, size?: number): { id: string; stream: Stream } {
  type Cmd = CommandWithMetadata<Parameters<typeof investigationAggregate.decide>[1], InvestigationsActor>;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const id = randomUUID();
  const opened = START + Math.floor((n / total) * SPAN_MS);
  const gak: InvestigationsActor = { staffId: '5415-0110' };
  const detective: InvestigationsActor = { staffId: '5415-0201' };
  let t = opened;
  const next = (actor: InvestigationsActor) => ({ actor, now: new Date((t += 60_000)) });
  const phenomenon = size ? 'woninginbraak' : pick(PHENOMENA);
  const commands: Cmd[] = [
    {
      type: 'OpenInvestigation',
      data: {
        investigationId: id,
        kind: 'opsporingsonderzoek',
        origin: { kind: 'eigen_initiatief' },
        phenomenon,
        title: `${phenomenon} ${pick(STREETS)} ${n}`,
        routing: GENT_ROUTING,
      },
      metadata: next(gak),
    },
    // The measured detective leads the big case; the others are led by the zone's other detectives.
    {
      type: 'AssignLeadInvestigator',
      data: { staffId: size ? detective.staffId : `5415-2${String(n % 60).padStart(3, '0')}` },
      metadata: next(gak),
    },
  ];
  const parties = size ? 40 : 1 + Math.floor(rnd() * 3);
  const roles: PartyRole[] = ['suspect', 'victim', 'witness', 'other'];
  const linked = new Set<number>();
  for (let p = 0; p < parties; p++) {
    let who = Math.floor(rnd() * persons);
    while (linked.has(who)) who = (who + 1) % persons;
    linked.add(who);
    const { personId, name } = person(who);
    commands.push({
      type: 'LinkParty',
      data: { partyLinkId: `pl-${p}`, personId, displayName: name, role: roles[p % roles.length], identified: true, traced: rnd() < 0.5 },
      metadata: next(detective),
    });
  }
  const tasks = size ? Math.floor((size - commands.length) / 2) : Math.floor(rnd() * 3);
  for (let k = 0; k < tasks; k++) {
    const due = new Date(t + 7 * 86_400_000).toISOString().slice(0, 10);
    commands.push({
      type: 'CreateTask',
      data: { taskId: `task-${k}`, title: `Buurtonderzoek ronde ${k + 1}`, assignee: detective.staffId, dueDate: due },
      metadata: next(gak),
    });
    commands.push({ type: 'CompleteTask', data: { taskId: `task-${k}` }, metadata: next(detective) });
  }
  if (size)
    while (commands.length < size)
      commands.push({
        type: 'AddTeamMember',
        data: { staffId: `5415-09${String(commands.length % 100).padStart(2, '0')}` },
        metadata: next(gak),
      });
  return { id, stream: decided(investigationAggregate, id, commands) };
}

/**
 * The events of a case as long as the scale suite's big one ({@link BIG_CASE_EVENTS}: its lead, 40 parties,
 * tasks created and completed), made by its decider without a store: what the fold bench folds.
 */
export function bigCaseEvents(): DomainEvent[] {
  const made = investigation(0, 1, 8_000, prng(20261207), BIG_CASE_EVENTS);
  return made.stream.events.map((e) => ({ type: e.type, data: e.data }));
}

/** A seized item: registered by the detective, handed to the storage room, checked in. */
function item(n: number, total: number, rnd: () => number, investigationId: string): Stream {
  type Cmd = CommandWithMetadata<Parameters<typeof itemAggregate.decide>[1], EvidenceActor>;
  const id = randomUUID();
  let t = START + Math.floor((n / total) * SPAN_MS);
  const detective: EvidenceActor = { staffId: '5415-0201' };
  const desk: EvidenceActor = { staffId: '5415-0301', actingFor: { kind: 'storage_room', id: 'apg-0.14' }, evidenceDesk: true };
  const next = (actor: EvidenceActor) => ({ actor, now: new Date((t += 60_000)) });
  const seal = `SEAL-${String(n).padStart(8, '0')}`;
  const commands: Cmd[] = [
    {
      type: 'RegisterItem',
      data: {
        itemId: id,
        labelNumber: `PACOS-${String(n).padStart(8, '0')}`,
        investigationId,
        description: `Beslag ${n}`,
        category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)],
        quantity: { amount: 1, unit: 'piece' },
        sealNumber: seal,
        packaging: 'Zak, verzegeld',
        condition: 'Goed',
        seizedBy: detective.staffId,
        seizedAt: new Date(t - 3_600_000).toISOString(),
        seizedPlace: `Gent, ${STREETS[n % STREETS.length]}`,
        legalBasis: 'Art. 35 Sv.',
        attachments: [],
      },
      metadata: next(detective),
    },
    {
      type: 'OfferCustody',
      data: {
        handoverId: 'h-1',
        to: { kind: 'storage_room', id: 'apg-0.14' },
        purpose: 'storage',
        method: 'hand_delivery',
        sealIntact: true,
      },
      metadata: next(detective),
    },
    {
      type: 'AcceptCustody',
      data: { handoverId: 'h-1', sealNumberFound: seal, sealIntact: true, condition: 'Zoals beschreven', place: 'APG, balie' },
      metadata: next(desk),
    },
    { type: 'CheckInItem', data: { location: { room: 'APG 0.14', locker: String(1 + (n % 40)) } }, metadata: next(desk) },
  ];
  return decided(itemAggregate, id, commands);
}

/** A conduct complaint: received and logged, forwarded to Comité P and AIG, routed to BIT by the chief. */
function complaint(n: number, total: number, rnd: () => number): Stream {
  type Cmd = CommandWithMetadata<Parameters<typeof complaintAggregate.decide>[1], IntegrityActor>;
  const id = randomUUID();
  let t = START + Math.floor((n / total) * SPAN_MS);
  const clerk: IntegrityActor = { staffId: '5415-0401' };
  const chief: IntegrityActor = { staffId: '5415-0001', authority: 'korpschef' };
  const next = (actor: IntegrityActor) => ({ actor, now: new Date((t += 60_000)) });
  const day = new Date(t).toISOString().slice(0, 10);
  const commands: Cmd[] = [
    {
      type: 'ReceiveComplaint',
      data: {
        complaintId: id,
        registerNumber: `DIT-${String(n).padStart(7, '0')}`,
        channel: 'mail',
        complainant: { name: `${FIRST[n % FIRST.length]} ${SURNAMES[n % SURNAMES.length]}` },
        staffConcerned: [`5415-1${String(Math.floor(rnd() * 900)).padStart(3, '0')}`],
        facts: `Onbeleefd optreden bij een controle aan de ${STREETS[n % STREETS.length]}`,
        receivedOn: day,
      },
      metadata: next(clerk),
    },
    { type: 'ForwardComplaint', data: { body: 'comite_p', forwardedOn: day, channel: 'email' }, metadata: next(clerk) },
    {
      type: 'ForwardComplaint',
      data: { body: 'aig', forwardedOn: day, channel: 'platform', reference: `AIG/${n}` },
      metadata: next(clerk),
    },
    {
      type: 'TriageComplaint',
      data: { route: 'administrative', reason: 'Onderzoek door BIT', disciplinaryAuthorities: DEFAULT_DISCIPLINE_CONFIG.authorities },
      metadata: next(chief),
    },
  ];
  return decided(complaintAggregate, id, commands);
}

/** Mean events per stream of each generator below (a report 1 + 0.8, an investigation 2 + 2 parties + 2 task events, an item 4, a complaint 5): how many streams make a service's share. */
const PER_STREAM: Record<ServiceName, number> = { reports: 1.8, investigations: 6, evidence: 4, integrity: 5 };

/**
 * Seeds about `events` events, a quarter per service, one investigation of {@link BIG_CASE_EVENTS}
 * events among them. Progress goes to `log` every few seconds.
 */
export async function seedScale(app: INestApplication, events: number, log: (line: string) => void): Promise<ScaleSeed> {
  const share = Math.floor(events / 4);
  const rnd = prng(20261207);
  const counts = {
    reports: Math.max(1, Math.round(share / PER_STREAM.reports)),
    investigations: Math.max(1, Math.round((share - BIG_CASE_EVENTS) / PER_STREAM.investigations)),
    evidence: Math.max(1, Math.round(share / PER_STREAM.evidence)),
    integrity: Math.max(1, Math.round(share / PER_STREAM.integrity)),
  };
  const persons = Math.max(50, Math.round(counts.investigations / 4));
  const byService = Object.fromEntries(
    (Object.keys(counts) as ServiceName[]).map((s) => [s, { streams: 0, events: 0 }]),
  ) as ScaleSeed['byService'];
  const stores = Object.fromEntries((Object.keys(counts) as ServiceName[]).map((s) => [s, eventSourcingOf(app, s).store]));
  const investigationIds: string[] = [];
  let bigCase: ScaleSeed['bigCase'] | undefined;
  const appearances = new Map<string, number>();

  // The work, as a queue of streams to make: interleaved services, so every log grows at once.
  const bigAt = Math.floor(counts.investigations / 2);
  const queue: { service: ServiceName; n: number }[] = [];
  const longest = Math.max(...Object.values(counts));
  for (let i = 0; i < longest; i++)
    for (const s of ['investigations', 'reports', 'evidence', 'integrity'] as ServiceName[])
      if (i < counts[s]) queue.push({ service: s, n: i });
  const make = ({ service, n }: { service: ServiceName; n: number }): Stream => {
    switch (service) {
      case 'reports':
        return report(n, counts.reports, rnd);
      case 'investigations': {
        const made = investigation(n, counts.investigations, persons, rnd, n === bigAt ? BIG_CASE_EVENTS : undefined);
        investigationIds.push(made.id);
        for (const e of made.stream.events)
          if (e.type === 'PartyLinked') {
            const pid = (e.data as { personId: string }).personId;
            appearances.set(pid, (appearances.get(pid) ?? 0) + 1);
          }
        if (n === bigAt) {
          bigCase = { investigationId: made.id, events: made.stream.events.length, midway: '' };
          return { ...made.stream, chunked: true };
        }
        return made.stream;
      }
      case 'evidence':
        return item(n, counts.evidence, rnd, investigationIds[Math.floor(rnd() * investigationIds.length)]);
      case 'integrity':
        return complaint(n, counts.integrity, rnd);
    }
  };

  // The live projectors would chase the appends; every projection is rebuilt from the log afterwards instead.
  await Promise.all((Object.keys(counts) as ServiceName[]).map((s) => eventSourcingOf(app, s).projector.stop()));
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  let appended = 0;
  let lastLog = started;
  await Promise.all(
    Array.from({ length: APPENDERS }, async () => {
      while (next < queue.length) {
        const job = queue[next++];
        const s = make(job);
        if (s.chunked) await appendInChunks(stores[job.service], s, bigCase!);
        else await stores[job.service].appendToStream(s.stream, s.events, { expected: 'no_stream' });
        byService[job.service].streams++;
        byService[job.service].events += s.events.length;
        appended += s.events.length;
        const now = performance.now();
        if (now - lastLog > 5000) {
          lastLog = now;
          const secs = (now - started) / 1000;
          log(
            `  seeded ${appended.toLocaleString('en')} of ~${events.toLocaleString('en')} events (${Math.round(appended / secs)} events/s)`,
          );
        }
      }
    }),
  );
  const appendSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  log(
    `  seeded ${appended.toLocaleString('en')} events in ${appendSeconds.toFixed(1)} s (${Math.round(appended / appendSeconds)} events/s)`,
  );
  const [personId, count] = [...appearances].sort((a, b) => b[1] - a[1])[0];
  const index = Number.parseInt(personId.slice(-12), 16);
  return {
    events: appended,
    byService,
    appendSeconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    bigCase: bigCase!,
    person: { personId, name: person(index).name, appearances: count },
  };
}

/**
 * Rebuilds every projection of the four services from their whole logs: each service's projections together, in
 * one pass over its log (ADR 0063), `parallel` services at a time; each swapped in with its checkpoint, with the
 * live projectors stopped meanwhile and started again after.
 */
export async function rebuildAll(app: INestApplication, parallel: number, log: (line: string) => void): Promise<RebuildFigures> {
  const services: ServiceName[] = ['reports', 'investigations', 'evidence', 'integrity'];
  const jobs: { service: ServiceName; es: ServiceEventSourcing; projections: string[] }[] = [];
  let logEvents = 0;
  for (const service of services) {
    const es = eventSourcingOf(app, service);
    logEvents += await es.store.count();
    jobs.push({ service, es, projections: es.measured().projections });
  }
  await Promise.all(services.map((s) => eventSourcingOf(app, s).projector.stop()));
  const figures: RebuildFigures['projections'] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t0 = performance.now();
        const done = await job.es.projector.rebuildTogether(job.projections);
        const seconds = (performance.now() - t0) / 1000;
        for (const d of done) figures.push({ service: job.service, projection: d.projection, events: d.events, seconds });
        log(`  rebuilt ${job.service} (${done.map((d) => `${d.projection} ${d.events}`).join(', ')} events) in ${seconds.toFixed(1)} s`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await Promise.all(services.map((s) => eventSourcingOf(app, s).projector.start()));
  return {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    logEvents,
    replayed: figures.reduce((n, f) => n + f.events, 0),
    projections: figures,
  };
}
