import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Type } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ParkedMessage,
  ParkedMessageNotFoundError,
  ParkedMessageResolvedError,
  PARKED_STATUSES,
  ParkedStatus,
  ReplayOutcome,
} from '@police/messaging';
import {
  ApiProblems,
  EVENT_SOURCING,
  FieldError,
  fieldsProblem,
  OperatorContext,
  OpsStatus,
  Optional,
  PageLimit,
  PROBLEM_BASE,
  ProblemException,
  RebuildProgress,
  RebuildRunningError,
  ServiceEventSourcing,
  ServiceName,
  UnknownProjectionError,
  Unversioned,
} from '@police/platform';

import { IsIn, IsString, Length, Matches } from 'class-validator';
import type { Request } from 'express';
import { Allow } from './access-policy';
import { CurrentPrincipal, Principal } from './principal';
import { SearchRateLimit } from './rate-limit';
import { correlationIdOf } from './request-context';

/** `GET …/ops/parked-messages`: which messages, newest first. */
export class ParkedMessagesQuery {
  @ApiPropertyOptional({
    enum: [...PARKED_STATUSES, 'all'],
    description: 'parked (default): waiting for someone; replayed, discarded, or all',
  })
  @Optional()
  @IsIn([...PARKED_STATUSES, 'all'])
  status?: ParkedStatus | 'all';

  @PageLimit()
  limit?: number;
}

/** `POST …/ops/parked-messages/:id/discard`: why the message is given up (kept in the log with the operator's name). */
export class DiscardParkedMessageRequest {
  @ApiProperty({ example: 'Testbericht van de leverancier; geen echte melding' })
  @IsString()
  @Length(1, 1000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

/** A parked message as the IT desk sees it: why it was parked (the fields at fault), and what was done with it. */
export interface ParkedMessageView {
  id: string;
  messageId: string | null;
  type: string | null;
  topic: string;
  partition: number | null;
  offset: string | null;
  correlationId: string | null;
  reason: { code: 'invalid_envelope' | 'unknown_type' | 'invalid_payload' | 'refused'; errors: FieldError[] };
  parkedAt: string;
  status: ParkedStatus;
  replayAttempts: number;
  lastAttemptAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** A replay's outcome (handled, duplicate, ignored) or a discard's reason. */
  resolution: string | null;
  /** The value as received; null when the service seals its payloads (integrity: complaint data). */
  payload: string | null;
  payloadSealed: boolean;
}

export interface ParkedMessageList {
  service: ServiceName;
  messages: ParkedMessageView[];
}

export interface ReplayAnswer {
  message: ParkedMessageView;
  /** handled: the consumer's handler ran; duplicate: the inbox had it already (no second effect); ignored: no handler takes this type now. */
  outcome: 'handled' | 'duplicate' | 'ignored';
}

export interface DiscardAnswer {
  message: ParkedMessageView;
}

export interface RebuildAnswer {
  projection: string;
  rebuild: RebuildProgress;
}

const PARKED_ID = /^[1-9][0-9]{0,17}$/;

function problem(status: number, code: string, detail: string, errors?: FieldError[]): ProblemException {
  const titles: Record<number, string> = { 404: 'Not found', 409: 'Conflict', 422: 'Unprocessable content' };
  return new ProblemException({
    type: `${PROBLEM_BASE}${code.replace(/_/g, '-')}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    detail,
    ...(errors ? { errors } : {}),
  });
}

/** The id of a parked message: a positive whole number (400 naming `id` otherwise). */
function parkedId(raw: string): string {
  if (!PARKED_ID.test(raw)) throw fieldsProblem([{ field: 'id', detail: 'must be the number of a parked message' }]);
  return raw;
}

/**
 * The operations routes of one service, at `/api/<service>/ops/...`, for the IT desk's `ops` role only
 * (no one else, the chief neither: it is not case work): the parked messages (reason and fields at
 * fault; the payload unless the service seals it), replay after a fix and discard with a reason (each an
 * event of its own in the service's log, attributed to the operator), the projections', relay's and
 * consumer's positions and lags, and a projection rebuild whose progress shows in the status. The
 * behaviour is the service's `ServiceEventSourcing.operations` (libs/platform); a class per service,
 * because Nest's RouterModule prefixes routes by the module that declares the controller.
 */
export function opsController(service: ServiceName): Type<unknown> {
  @ApiTags('operations')
  @Allow('ops')
  @Controller('ops')
  class OpsController {
    constructor(@Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing) {}

    @Get('parked-messages')
    @SearchRateLimit()
    @ApiOperation({
      summary: 'Messages this service could not take (newest first), why (the fields at fault), and what was done with them.',
    })
    async parkedMessages(@Query() q: ParkedMessagesQuery): Promise<ParkedMessageList> {
      const messages = await this.es.operations.parkedMessages({ status: q.status, limit: q.limit ?? 50 });
      return { service, messages: messages.map((m) => this.view(m)) };
    }

    @Post('parked-messages/:id/replay')
    @HttpCode(200)
    @Unversioned()
    @ApiProblems(404, 409, 422)
    @ApiOperation({
      summary:
        'Runs a parked message through the consumer again, after a fix: once in effect (the inbox). Refused again: 422 with the new reason, and it stays parked. Replayed or discarded already: 409.',
    })
    async replay(@Param('id') raw: string, @Req() req: Request, @CurrentPrincipal() operator: Principal): Promise<ReplayAnswer> {
      const id = parkedId(raw);
      const outcome = await this.act(id, () => this.es.operations.replay(id, this.operator(req, operator)));
      const message = await this.find(id);
      if (outcome.outcome === 'parked') {
        throw problem(
          422,
          'still_refused',
          `The message is still refused (${outcome.reason.code}); it stays parked.`,
          outcome.reason.errors,
        );
      }
      return { message, outcome: (outcome as Exclude<ReplayOutcome, { outcome: 'parked' }>).outcome };
    }

    @Post('parked-messages/:id/discard')
    @HttpCode(200)
    @Unversioned()
    @ApiProblems(404, 409)
    @ApiOperation({
      summary: 'Gives a parked message up, for the reason given (kept, with who discarded it). Replayed or discarded already: 409.',
    })
    async discard(
      @Param('id') raw: string,
      @Body() body: DiscardParkedMessageRequest,
      @Req() req: Request,
      @CurrentPrincipal() operator: Principal,
    ): Promise<DiscardAnswer> {
      const id = parkedId(raw);
      await this.act(id, () => this.es.operations.discard(id, body.reason.trim(), this.operator(req, operator)));
      return { message: await this.find(id) };
    }

    @Get('status')
    @SearchRateLimit()
    @ApiOperation({
      summary:
        'Where each projection, the relay and the consumer group stand (positions, lag in events and seconds), rebuilds in progress, and parked messages per status.',
    })
    status(): Promise<OpsStatus> {
      return this.es.operations.status();
    }

    @Post('projections/:name/rebuild')
    @HttpCode(202)
    @Unversioned()
    @ApiProblems(404, 409)
    @ApiOperation({
      summary:
        'Rebuilds a projection from the whole log into a new table, swapped in when complete; the progress shows in GET ops/status. One at a time per projection (409).',
    })
    async rebuild(@Param('name') name: string, @Req() req: Request, @CurrentPrincipal() operator: Principal): Promise<RebuildAnswer> {
      try {
        return { projection: name, rebuild: await this.es.operations.rebuild(name, this.operator(req, operator)) };
      } catch (e) {
        if (e instanceof UnknownProjectionError)
          throw problem(404, 'not_found', `This service has no projection ${JSON.stringify(name.slice(0, 100))}.`);
        if (e instanceof RebuildRunningError)
          throw problem(409, 'rebuild_running', `A rebuild of ${name} is running; its progress is in the status.`);
        throw e;
      }
    }

    private operator(req: Request, principal: Principal): OperatorContext {
      const correlationId = correlationIdOf(req);
      return { staffId: principal.staffId, correlationId, causationId: `${req.method} ${req.originalUrl.split('?')[0]} ${correlationId}` };
    }

    private async act<T>(id: string, work: () => Promise<T>): Promise<T> {
      try {
        return await work();
      } catch (e) {
        if (e instanceof ParkedMessageNotFoundError) throw problem(404, 'not_found', `No parked message ${id}.`);
        if (e instanceof ParkedMessageResolvedError)
          throw problem(409, 'already_resolved', `Parked message ${id} was ${e.status} already.`);
        throw e;
      }
    }

    private async find(id: string): Promise<ParkedMessageView> {
      const [m] = (await this.es.operations.parkedMessages({ status: 'all', limit: 1, id })).map((x) => this.view(x));
      if (!m) throw problem(404, 'not_found', `No parked message ${id}.`);
      return m;
    }

    private view(m: ParkedMessage): ParkedMessageView {
      const sealed = this.es.payloadsSealed;
      return {
        id: m.id,
        messageId: m.messageId,
        type: m.type,
        topic: m.topic,
        partition: m.partition,
        offset: m.offset,
        correlationId: m.headers['correlation-id'] ?? null,
        reason: m.reason,
        parkedAt: m.parkedAt.toISOString(),
        status: m.status,
        replayAttempts: m.replayAttempts,
        lastAttemptAt: m.lastAttemptAt?.toISOString() ?? null,
        resolvedAt: m.resolvedAt?.toISOString() ?? null,
        resolvedBy: m.resolvedBy,
        resolution: m.resolution,
        payload: sealed ? null : m.payload,
        payloadSealed: sealed,
      };
    }
  }
  return OpsController;
}
