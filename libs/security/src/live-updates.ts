import type { Writable } from 'node:stream';
import { Controller, Get, Inject, InjectionToken, Logger, OnModuleDestroy, Provider, Req, Res, Type } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CommittedRow, Projector } from '@police/event-store';
import { ApiEventStream, EVENT_SOURCING, intEnv, ServiceEventSourcing, ServiceName } from '@police/platform';
import type { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { AccessControl } from './access-control';
import { ProtectedResource } from './access-decision';
import { Allow } from './access-policy';
import { Principal, principalOf, Role } from './principal';
import { SearchRateLimit } from './rate-limit';
import { tooManyRequests, unauthenticated } from './security.problems';

/**
 * What a subscriber learns of a change: which record, at which version — never its content. The client
 * refetches what it shows through the record's read route, which checks and logs that read.
 */
export interface LiveChange {
  /** The kind of record, as the service's routes name it: `report`, `pv`, `investigation`, … */
  type: string;
  id: string;
  version: number;
  /** Records this one belongs to (a PV's report), so that their screens and lists refresh too. */
  related?: { type: string; id: string }[];
}

/** A change and the protected record a reader must see (without a justification) to learn of it. */
export interface LiveRecord {
  change: LiveChange;
  resource(principal: Principal): ProtectedResource;
}

/**
 * How a service's projection becomes live changes: for the rows a committed batch wrote, the changes
 * and their records (looked up in the read model if need be, e.g. a PV's report). A deleted row tells
 * nobody anything.
 */
export interface LiveSource {
  projection: string;
  // Rows come from the projection's own table, whatever their entity.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  records(rows: any[]): LiveRecord[] | Promise<LiveRecord[]>;
}

/** Settings of the live streams (environment: `LIVE_HEARTBEAT_MS`, `LIVE_MAX_STREAMS_PER_PERSON`, `LIVE_MAX_BURST`). */
export interface LiveOptions {
  /** A comment line this often keeps proxies from closing an idle stream. Default 20 s. */
  heartbeatMs: number;
  /** Open streams one person may hold on one service; one more is a 429. Default 5. */
  maxStreamsPerPerson: number;
  /** More changes than this in one committed batch, for one subscriber, become one `resync`. Default 200. */
  maxBurst: number;
}

export function liveOptionsFromEnv(): LiveOptions {
  return {
    heartbeatMs: intEnv('LIVE_HEARTBEAT_MS', 20_000),
    maxStreamsPerPerson: intEnv('LIVE_MAX_STREAMS_PER_PERSON', 5),
    maxBurst: intEnv('LIVE_MAX_BURST', 200),
  };
}

/** The events of a live stream and the schema of each one's data, for the documents (`@ApiEventStream`). */
const LIVE_EVENTS = {
  ready: {
    type: 'object',
    required: ['service', 'heartbeatMs', 'expiresAt'],
    properties: {
      service: { type: 'string' },
      heartbeatMs: { type: 'integer', minimum: 1 },
      expiresAt: { type: 'string', format: 'date-time' },
    },
  },
  change: {
    type: 'object',
    required: ['type', 'id', 'version'],
    properties: {
      type: { type: 'string' },
      id: { type: 'string' },
      version: { type: 'integer', minimum: 0 },
      related: {
        type: 'array',
        items: { type: 'object', required: ['type', 'id'], properties: { type: { type: 'string' }, id: { type: 'string' } } },
      },
    },
  },
  resync: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', enum: ['slow_consumer', 'burst'] } } },
  expired: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', enum: ['token_expired'] } } },
  closing: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', enum: ['server_shutdown'] } } },
};

/** One SSE frame. */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * One subscriber's stream. Backpressure: when the socket stops taking data (`write` answers false) the
 * stream drops what follows instead of buffering it, and once drained sends a single `resync` — the
 * client then refetches what it shows. Memory per stream stays bounded whatever the client's pace.
 */
export class LiveStream {
  private blocked = false;
  private missed = false;
  private closed = false;

  constructor(
    private readonly out: Writable,
    readonly principal: Principal,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  send(frame: string): void {
    if (this.closed) return;
    if (this.blocked) {
      this.missed = true;
      return;
    }
    if (this.out.write(frame)) return;
    this.blocked = true;
    this.out.once('drain', () => {
      this.blocked = false;
      if (this.missed) {
        this.missed = false;
        this.send(sseEvent('resync', { reason: 'slow_consumer' }));
      }
    });
  }

  /** A comment line: ignored by clients, keeps intermediaries from timing the stream out. Skipped while blocked. */
  heartbeat(): void {
    if (!this.blocked) this.send(': heartbeat\n\n');
  }

  end(last?: string): void {
    if (this.closed) return;
    if (last && !this.blocked) this.out.write(last);
    this.closed = true;
    this.out.end();
  }
}

interface Subscriber {
  stream: LiveStream;
  timers: NodeJS.Timeout[];
}

/**
 * The live updates of one service: after its projector commits a batch, the changed records are
 * matched against every open stream of the service, and each subscriber receives the changes whose
 * record it may see — decided like a read (`canSee`) with the record as the read model has it now.
 * A subscriber never learns of an id it may not see. In-process: each service process runs its own
 * projector (production-like mode), and in embedded mode each service module has its own instance.
 */
export class LiveUpdates implements OnModuleDestroy {
  private readonly logger: Logger;
  private readonly subscribers = new Set<Subscriber>();
  private readonly perPerson = new Map<string, number>();
  private readonly sources: Map<string, LiveSource>;
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    readonly service: ServiceName,
    private readonly access: AccessControl,
    projector: Projector,
    sources: LiveSource[],
    readonly options: LiveOptions,
  ) {
    this.logger = new Logger(`${service}:live`);
    this.sources = new Map(sources.map((s) => [s.projection, s]));
    this.unsubscribe = projector.onCommit((projection, rows) => this.committed(projection, rows));
  }

  /** Open streams (for health and tests). */
  get size(): number {
    return this.subscribers.size;
  }

  private committed(projection: string, rows: CommittedRow[]): void {
    const source = this.sources.get(projection);
    if (!source || this.subscribers.size === 0) return;
    const present = rows.flatMap((r) => (r.row ? [r.row] : []));
    if (present.length === 0) return;
    // In commit order, one batch after the other, whatever the lookups cost.
    this.queue = this.queue
      .then(async () => this.publish(await source.records(present)))
      .catch((e) => this.logger.error(`live updates of ${projection} failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** Sends each subscriber the changes it may see (ids and versions only). */
  publish(records: LiveRecord[]): void {
    for (const s of this.subscribers) {
      const visible = records.filter((r) => this.access.canSee(s.stream.principal, r.resource(s.stream.principal)));
      if (visible.length > this.options.maxBurst) s.stream.send(sseEvent('resync', { reason: 'burst' }));
      else for (const r of visible) s.stream.send(sseEvent('change', r.change));
    }
  }

  /**
   * Opens a stream for an authenticated request: `ready` first, heartbeats, the changes the reader
   * may see; `expired` and the end when the token expires. A person over the limit gets a 429.
   */
  open(req: Request, res: Response): void {
    const principal = principalOf(req);
    if (!principal) throw unauthenticated('Live updates need a bearer token.');
    // The access guard verified the token; its expiry bounds the stream.
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const exp = decodeJwt(token).exp;
    const expiresAt = typeof exp === 'number' ? exp * 1000 : Date.now();
    const held = this.perPerson.get(principal.staffId) ?? 0;
    if (held >= this.options.maxStreamsPerPerson) {
      res.setHeader('Retry-After', '30');
      throw tooManyRequests(`At most ${this.options.maxStreamsPerPerson} live streams per person on ${this.service}: close one first.`, 30);
    }
    this.perPerson.set(principal.staffId, held + 1);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    const sub: Subscriber = { stream: new LiveStream(res, principal), timers: [] };
    this.subscribers.add(sub);
    const done = () => {
      if (!this.subscribers.delete(sub)) return;
      sub.timers.forEach(clearTimeout);
      const n = (this.perPerson.get(principal.staffId) ?? 1) - 1;
      if (n > 0) this.perPerson.set(principal.staffId, n);
      else this.perPerson.delete(principal.staffId);
    };
    req.on('close', done);
    res.on('close', done);
    sub.stream.send(
      `retry: 5000\n${sseEvent('ready', { service: this.service, heartbeatMs: this.options.heartbeatMs, expiresAt: new Date(expiresAt).toISOString() })}`,
    );
    const heartbeat = setInterval(() => sub.stream.heartbeat(), this.options.heartbeatMs);
    const expiry = setTimeout(
      () => {
        sub.stream.end(sseEvent('expired', { reason: 'token_expired' }));
        done();
      },
      Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)),
    );
    heartbeat.unref();
    expiry.unref();
    sub.timers.push(heartbeat, expiry);
  }

  /** Ends every stream (before the HTTP server closes, which would otherwise wait for them). */
  onModuleDestroy(): void {
    this.unsubscribe();
    for (const s of [...this.subscribers]) {
      s.timers.forEach(clearTimeout);
      s.stream.end(sseEvent('closing', { reason: 'server_shutdown' }));
    }
    this.subscribers.clear();
    this.perPerson.clear();
  }
}

/** Injection token of a service module's {@link LiveUpdates}. */
export const LIVE_UPDATES = Symbol('LIVE_UPDATES');

/**
 * A service's live updates: which of its projections' rows become which changes, and of which
 * protected record. `inject` names what `sources` needs (the service's access helper, its config).
 */
export function liveUpdatesProvider(
  service: ServiceName,
  o: {
    inject?: InjectionToken[];
    // The injected providers, in `inject` order.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    sources: (es: ServiceEventSourcing, ...deps: any[]) => LiveSource[];
    options?: LiveOptions;
  },
): Provider {
  return {
    provide: LIVE_UPDATES,
    inject: [EVENT_SOURCING, AccessControl, ...(o.inject ?? [])],
    useFactory: (es: ServiceEventSourcing, access: AccessControl, ...deps: unknown[]) =>
      new LiveUpdates(service, access, es.projector, o.sources(es, ...deps), o.options ?? liveOptionsFromEnv()),
  };
}

/**
 * `GET /api/<service>/live`: server-sent events of the changes the reader may see. Authenticated by the
 * bearer token in the Authorization header (read it with fetch streaming; EventSource cannot send it),
 * and closed when that token expires: reconnect with a fresh one.
 */
export function liveController(service: ServiceName, roles: Role[]): Type<unknown> {
  @ApiTags('live')
  @Controller()
  class LiveController {
    constructor(@Inject(LIVE_UPDATES) private readonly live: LiveUpdates) {}

    @Get('live')
    @Allow(...roles)
    // Opening a stream counts like a list request: reconnects are few, a loop of them is cut off.
    @SearchRateLimit()
    @ApiOperation({
      summary: `Live updates of ${service}: server-sent events naming the records you may see that changed (ids and versions, never content)`,
      description: [
        'Events: `ready` {service, heartbeatMs, expiresAt} first; `change` {type, id, version, related?} after a change to a record you may see (refetch it, and the lists that may hold it, through the read routes);',
        '`resync` {reason} when changes were dropped (a slow reader, a burst): refetch what is on screen; `expired` when the token expires, then the stream ends (reconnect with a new token); `closing` at server shutdown.',
        'Comment lines (`: heartbeat`) keep the connection alive. After any reconnect, refetch what is on screen: nothing is replayed.',
      ].join(' '),
    })
    @ApiProduces('text/event-stream')
    @ApiEventStream(LIVE_EVENTS)
    stream(@Req() req: Request, @Res() res: Response): void {
      this.live.open(req, res);
    }
  }
  Object.defineProperty(LiveController, 'name', { value: `${service[0].toUpperCase()}${service.slice(1)}LiveController` });
  return LiveController;
}
