import { Controller, Get, Inject, Query, Req, Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems, PROBLEM_BASE, ProblemException } from '@police/platform';
import { ACCESS_RULES, AccessControl, AccessRules } from './access-control';
import { Allow, Consults } from './access-policy';
import type { AuditAnchor } from '@police/event-store';
import { AuditCheckpointsView } from './audit-checkpoints';
import { CHECKPOINT_PAGE, CheckpointsQueryRequest, ConsultationQueryRequest, VerifyConsultationsRequest } from './audit.request';
import { ConsultationLog, DayVerification } from './consultation-log';
import { ConsultationPage, InvalidCursorError, queryConsultations } from './consultation.query';
import { CurrentPrincipal, Principal } from './principal';
import { SearchRateLimit } from './rate-limit';

/** A query whose fields are each valid but that the log cannot answer (422 with its `code`, naming the field). */
function unprocessable(code: string, field: string, detail: string): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}${code.replace(/_/g, '-')}`,
    title: 'Unprocessable content',
    status: 422,
    code,
    detail: `${field} ${detail}`,
    errors: [{ field, detail }],
  });
}

/** The Nest token of the host's {@link AuditCheckpoints}, or null when it writes none. */
export const AUDIT_CHECKPOINTS = Symbol('AUDIT_CHECKPOINTS');
/** Whose consultation log this host keeps: `embedded` (the four services share it) or the service. */
export const CONSULTATION_LOG_KEEPER = Symbol('CONSULTATION_LOG_KEEPER');

/** A day's verification and whose log it is: answers with the same `keptBy` are of one log, read at different moments. */
export type DayVerificationView = DayVerification & {
  /** Whose log was verified: `embedded` (the log the four services of an embedded host share) or the service. */
  keptBy: string;
};

/** The checkpoint writer of a host and whose logs it anchors. */
export interface AuditCheckpoints {
  service: string;
  anchor: AuditAnchor;
}

/**
 * The consultation log for oversight (the DPO and Intern Toezicht only), at `/api/<path>/...`:
 * `consultations` (query) and `consultations/verify` (recompute a day's hash chains). Querying the log
 * is itself a consultation and is logged. Nobody sees the consultations of a record that concerns
 * them, nor (the DPO apart) those of a sealed compartment they hold no role in.
 *
 * With a `routePrefix` (`/api/reports/`), the controller answers for one service's part of a log that
 * several services share (the embedded host's): the consultations made through that service's routes.
 * Its day verification still recomputes the shared day chain, the one those records are in.
 */
export function auditController(path: string, routePrefix?: string): Type<unknown> {
  @ApiTags('audit')
  @Controller(path)
  class AuditController {
    constructor(
      private readonly log: ConsultationLog,
      private readonly access: AccessControl,
      @Inject(ACCESS_RULES) private readonly rules: AccessRules,
      @Inject(AUDIT_CHECKPOINTS) private readonly checkpoints: AuditCheckpoints | null,
      @Inject(CONSULTATION_LOG_KEEPER) private readonly keptBy: string,
    ) {}

    @Get('consultations')
    @Allow('dpo', 'integrity_investigator')
    @Consults('consultation_log')
    @SearchRateLimit()
    @ApiProblems(422)
    @ApiOperation({ summary: 'Who read which record, when, through which endpoint and why; newest first.' })
    @ApiOkResponse({ description: '`{ items, nextCursor }`' })
    async consultations(
      @Query() q: ConsultationQueryRequest,
      @Req() req: Request,
      @CurrentPrincipal() reader: Principal,
    ): Promise<ConsultationPage> {
      const from = q.from === undefined ? undefined : new Date(q.from);
      const to = q.to === undefined ? undefined : new Date(q.to);
      // Each bound is valid alone (the DTO said so); an empty range is the domain's refusal (422), as
      // every service answers a time window that ends before it starts.
      if (from && to && from >= to) throw unprocessable('invalid_range', 'to', 'must be after from');
      let page: ConsultationPage;
      try {
        page = await queryConsultations(this.log.dataSource, {
          subject: q.subject,
          actor: q.actor,
          from,
          to,
          breakGlass: q.breakGlass === undefined ? undefined : q.breakGlass === 'true',
          outcome: q.outcome,
          limit: q.limit ?? 50,
          cursor: q.cursor,
          routePrefix,
          reader: {
            staffId: reader.staffId,
            // The DPO oversees every compartment; Intern Toezicht sees the log of its own.
            allCompartments: reader.roles.includes('dpo'),
            compartments: Object.entries(this.rules.compartments)
              .filter(([, roles]) => roles.some((r) => reader.roles.includes(r)))
              .map(([name]) => name),
          },
        });
      } catch (e) {
        // A well-formed string (the DTO checked it) that is no cursor of ours: its meaning is refused, as for the range.
        if (e instanceof InvalidCursorError) throw unprocessable('invalid_cursor', 'cursor', 'is not a cursor this endpoint gave out');
        throw e;
      }
      await this.access.recordListRead(
        req,
        'consultation_log',
        page.items.map((i) => ({ type: 'consultation_log' as const, id: i.id })),
      );
      return page;
    }

    @Get('consultations/verify')
    @SearchRateLimit()
    @Allow('dpo', 'integrity_investigator')
    @ApiOperation({
      summary:
        "Recomputes one UTC day of consultation records: each of its lanes' hash chains, and that every lane still holds what the day's heads recorded of it (ADR 0057).",
    })
    @ApiOkResponse({
      description: '`{ date, stream, ok, events, headHash, lanes, dayHeads, keptBy }` or `{ ok: false, brokenAt, problems, … }`',
    })
    async verify(@Query() q: VerifyConsultationsRequest): Promise<DayVerificationView> {
      return { ...(await this.log.verify(q.date)), keptBy: this.keptBy };
    }

    @Get('checkpoints')
    @SearchRateLimit()
    @Allow('dpo', 'integrity_investigator')
    @ApiProblems(404)
    @ApiOperation({
      summary:
        "The host's signed checkpoints of its consultation log and event logs (ADR 0052), and the public key that verifies them: what `npm run audit:verify` compares the database with.",
    })
    @ApiOkResponse({ description: '`{ service, publicKey, keyId, checkpoints, total }`' })
    async listCheckpoints(@Query() q: CheckpointsQueryRequest): Promise<AuditCheckpointsView> {
      if (!this.checkpoints)
        throw new ProblemException({
          type: `${PROBLEM_BASE}not-found`,
          title: 'Not found',
          status: 404,
          detail: 'This host writes no audit checkpoints.',
        });
      const { anchor, service } = this.checkpoints;
      const all = await anchor.sink.read();
      const offset = q.offset ?? 0;
      return {
        service,
        publicKey: anchor.key.publicKeyPem,
        keyId: anchor.key.keyId,
        checkpoints: all.slice(offset, offset + (q.limit ?? CHECKPOINT_PAGE)),
        total: all.length,
      };
    }
  }
  Object.defineProperty(AuditController, 'name', { value: 'AuditController' });
  return AuditController;
}
