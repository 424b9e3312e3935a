import { Controller, Get, Inject, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  accessColumns,
  boundedCount,
  ListOrder,
  listPage,
  pageOfRows,
  problem,
  queryParam,
  setEtag,
  UuidParam,
  ApiProblems,
} from '@police/platform';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, Authenticated, Consults, SearchRateLimit } from '@police/security';
import type { Request, Response } from 'express';
import { EarlyWarningQuery, InvestigatorCheckQuery, ListComplaintsQuery } from './complaints.query';
import { InvestigatorConflict, OVERSIGHT_BODIES } from '../../domain/complaint.events';
import { investigatorCheck, InvestigatorVerdict, mayAssignInvestigator } from '../../domain/complaint.decide';
import { KORPSCHEF } from '../../domain/integrity.decide';
import {
  ComplaintPhase,
  DeadlineStep,
  earlyWarning,
  EarlyWarningSignal,
  openDeadlines,
  overdueSteps,
  summaryOf,
} from '../../domain/complaint.state';
import { IntegrityAccess, OVERSIGHT_ROLES, oversightBody } from '../../integrity.access';
import { INTEGRITY_CONFIG, IntegrityConfig } from '../../integrity.config';
import { ComplaintRow } from '../../read-model/complaints/complaint.read-model';
import { ComplaintListEntry, complaintListEntry, ComplaintView, complaintView } from '../../read-model/complaints/complaint.view';
import { forwardingPdf } from './forwarding.document';

/** Whether a person may investigate a complaint, asked before the assignment is confirmed. */
export interface InvestigatorCheck {
  investigatorId: string;
  /** As the organisation data names them; null for a staff id it does not know. */
  name: string | null;
  teams: string[];
  unit: string | null;
  /** eligible; conflict (the chief may override with a reason); concerned or already_assigned (never). */
  verdict: InvestigatorVerdict;
  conflicts: InvestigatorConflict[];
  /** Whether the reader may assign an investigator to this complaint now (the korpschef or the ordering authority, while it is investigated). */
  mayAssign: boolean;
  /** Whether the reader may assign this person despite the conflict (the korpschef, with a reason). */
  mayOverride: boolean;
}

/** A page of the complaints list. */
export interface ComplaintPage {
  items: ComplaintListEntry[];
  /** Visible complaints the filters keep, counted up to 1,000. */
  total: number;
  /** False when there are more than 1,000: then `total` is 1,000. */
  totalExact: boolean;
  limit: number;
  offset: number;
  /** The cursor of the following page (pass it as `after`); absent on the last page. */
  next?: string;
}

/** The complaints list's order, newest first: the index `complaints_list_order` walks it. */
const COMPLAINT_LIST_ORDER: ListOrder<ComplaintRow> = {
  key: 'c.receivedOn',
  keyType: 'day',
  id: 'c.id',
  position: (row) => [row.receivedOn, row.id],
};

const PHASES: ComplaintPhase[] = ['intake', 'triaged', 'concluded', 'closed'];
const STEPS: DeadlineStep[] = ['forwarding_comite_p', 'forwarding_aig', 'triage', 'investigation', 'disciplinary_limitation'];

/** Counts of the complaints the reader may see: per phase, and those with a step past its time limit, per step. */
export interface ComplaintStatistics {
  /** When the time limits were judged. */
  at: string;
  total: number;
  phases: { phase: ComplaintPhase; count: number }[];
  /** Complaints with at least one step overdue. */
  overdue: number;
  /** Per step, the complaints for which it is overdue (one complaint may be late on several). */
  overdueSteps: { step: DeadlineStep; count: number }[];
}

/**
 * Reading complaints. Every answer is built from the rows the reader may see, filtered before anything is
 * counted: a staff member concerned, or anyone outside the compartment, finds no trace of a complaint in a
 * list, a count, the overdue list or the early-warning view.
 */
@ApiTags('complaints')
@Controller('complaints')
export class ComplaintQueriesController {
  constructor(
    private readonly access: IntegrityAccess,
    @Inject(INTEGRITY_CONFIG) private readonly config: IntegrityConfig,
  ) {}

  @Get()
  @ApiProblems(422)
  @SearchRateLimit()
  @Allow(...OVERSIGHT_ROLES)
  @Consults('integrity_complaint')
  @ApiOperation({
    summary:
      'Complaints you may see, newest first, by status (phase), unit (compartment), overdue, or the desk report they came from; `next` is the cursor of the following page (absent on the last), to pass as `after`; `total` counts up to 1,000 (`totalExact` false beyond)',
  })
  async list(@Query() q: ListComplaintsQuery, @Req() req: Request): Promise<ComplaintPage> {
    const limit = Math.min(q.limit ?? 50, 200);
    const offset = q.offset ?? 0;
    const principal = this.access.principal(req);
    const qb = this.access.eventSourcing.dataSource.getRepository(ComplaintRow).createQueryBuilder('c');
    if (q.status) qb.andWhere('c.phase = :status', { status: q.status });
    if (q.unit) qb.andWhere('c.compartment = :compartment', { compartment: `integrity:${q.unit}` });
    if (q.reportId) qb.andWhere('c.reportId = :reportId', { reportId: q.reportId });
    // Need-to-know in the SQL, over the access the row stores (ADR 0061); recordListRead re-checks the page with canSee.
    qb.andWhere(this.access.accessControl.visibleWhere(principal, ['integrity_complaint'], accessColumns('c'), queryParam(qb, 'visible')));
    const now = new Date();
    const withDeadlines = (row: ComplaintRow) => ({ row, deadlines: openDeadlines(row.state, now, this.config.deadlines) });
    let answer: { rows: ComplaintRow[]; next?: string; total: number; totalExact: boolean };
    if (q.overdue === undefined) {
      const [page, counted] = await Promise.all([listPage(qb, COMPLAINT_LIST_ORDER, { limit, offset, after: q.after }), boundedCount(qb)]);
      answer = { ...page, ...counted };
    } else {
      // Overdue is judged now against the zone's time limits, not stored: the visible complaints the other
      // filters keep are read in the list's order and judged here.
      const overdue = q.overdue;
      const rows = (await qb.orderBy(COMPLAINT_LIST_ORDER.key, 'DESC').addOrderBy(COMPLAINT_LIST_ORDER.id, 'DESC').getMany()).filter(
        (row) => withDeadlines(row).deadlines.some((d) => d.status === 'overdue') === overdue,
      );
      answer = { ...pageOfRows(rows, COMPLAINT_LIST_ORDER, { limit, offset, after: q.after }), total: rows.length, totalExact: true };
    }
    await this.access.recordListRead(req, answer.rows);
    return {
      items: answer.rows.map((row) => {
        const x = withDeadlines(row);
        return complaintListEntry(x.row, x.deadlines);
      }),
      total: answer.total,
      totalExact: answer.totalExact,
      limit,
      offset,
      ...(answer.next ? { next: answer.next } : {}),
    };
  }

  @Get('statistics')
  @SearchRateLimit()
  @Allow('chief')
  @ApiOperation({
    summary:
      'Counts of the complaints you may see per phase, and of those with a step past its time limit per step, for the chief: no complaint, no person; one concerning you, or outside your compartments, is not counted',
  })
  async statistics(@Req() req: Request): Promise<ComplaintStatistics> {
    const now = new Date();
    // The same rows a list would show the reader: sealing and compartments hold in the counts too.
    const visible = this.access.visible(
      this.access.principal(req),
      await this.access.eventSourcing.dataSource.getRepository(ComplaintRow).find(),
    );
    const late = visible.map((row) => overdueSteps(row.state, now, this.config.deadlines));
    return {
      at: now.toISOString(),
      total: visible.length,
      phases: PHASES.map((phase) => ({ phase, count: visible.filter((r) => r.phase === phase).length })),
      overdue: late.filter((steps) => steps.length > 0).length,
      overdueSteps: STEPS.map((step) => ({ step, count: late.filter((steps) => steps.some((s) => s.step === step)).length })),
    };
  }

  @Get(':id')
  @Authenticated()
  @Consults('integrity_complaint')
  @ApiOperation({ summary: 'The complaint file (404 to anyone it concerns, or outside its compartment, as for a missing id)' })
  async get(@UuidParam('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ComplaintView> {
    const row = await this.access.row(id);
    const granted = await this.access.authorizeRead(req, row);
    res.setHeader('X-Access-Basis', granted.basis);
    setEtag(res, row.version);
    return complaintView(row, new Date(), this.config.deadlines);
  }

  @Get(':id/investigator-check')
  @Allow(...OVERSIGHT_ROLES)
  @Consults('integrity_complaint')
  @ApiOperation({
    summary:
      'The conflict-of-interest check of a proposed investigator, as the assignment will decide it: eligible, a conflict (why, and whether you may override it), concerned or already assigned',
  })
  async investigatorCheck(
    @UuidParam('id') id: string,
    @Query() q: InvestigatorCheckQuery,
    @Req() req: Request,
  ): Promise<InvestigatorCheck> {
    const row = await this.access.row(id);
    await this.access.authorizeRead(req, row);
    const state = row.state;
    if (state.status !== 'registered') throw problem(404, 'complaint_not_found', 'No complaint under this id.');
    const actor = this.access.actor(this.access.principal(req));
    const { verdict, conflicts } = investigatorCheck(state, q.investigatorId, this.config.organisation, this.config.relationships);
    const member = this.config.organisation[q.investigatorId];
    const mayAssign = state.phase === 'triaged' && mayAssignInvestigator(state, actor);
    return {
      investigatorId: q.investigatorId,
      name: member?.name ?? null,
      teams: [...(member?.teams ?? [])],
      unit: member?.unit ?? null,
      verdict,
      conflicts,
      mayAssign,
      mayOverride: mayAssign && verdict === 'conflict' && actor.authority === KORPSCHEF,
    };
  }

  @Get(':id/forwardings/:recipient/document')
  @Allow(...OVERSIGHT_ROLES)
  @Consults('integrity_complaint')
  @ApiParam({ name: 'recipient', enum: OVERSIGHT_BODIES })
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The forwarding document (PDF) of a recorded forwarding to Comité P or AIG' })
  async document(
    @UuidParam('id') id: string,
    @Param('recipient') recipient: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const row = await this.access.row(id);
    await this.access.authorizeRead(req, row);
    const body = oversightBody(recipient);
    const forwarding = row.file.forwardings[body];
    if (!forwarding)
      throw problem(
        404,
        'forwarding_not_found',
        `Complaint ${row.registerNumber ?? id} is not forwarded to ${body === 'aig' ? 'AIG' : 'Comité P'} yet.`,
        'recipient',
      );
    const pdf = await forwardingPdf({
      file: row.file,
      body,
      forwarding,
      printedAt: new Date(),
      printedBy: this.access.principal(req).staffId,
    });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="doorzending-${body}-${row.registerNumber ?? id}.pdf"`);
    return new StreamableFile(pdf);
  }
}

/** Signals for human review only: staff members named in repeated complaints over a window. */
@ApiTags('early-warnings')
@Controller('early-warnings')
export class EarlyWarningsController {
  constructor(
    private readonly access: IntegrityAccess,
    @Inject(INTEGRITY_CONFIG) private readonly config: IntegrityConfig,
  ) {}

  @Get()
  @SearchRateLimit()
  @Allow(...OVERSIGHT_ROLES)
  @Consults('integrity_complaint')
  @ApiOperation({
    summary:
      'Staff members named in at least the configured number of complaints within the window, counted over the complaints you may see; a signal, never a finding',
  })
  async list(
    @Query() q: EarlyWarningQuery,
    @Req() req: Request,
  ): Promise<{ asOf: string; threshold: number; windowDays: number; signals: EarlyWarningSignal[]; notice: string }> {
    const asOf = q.asOf ? new Date(`${q.asOf}T00:00:00Z`) : new Date();
    const rows = this.access.visible(
      this.access.principal(req),
      await this.access.eventSourcing.dataSource.getRepository(ComplaintRow).find(),
    );
    const signals = earlyWarning(
      rows.map((r) => summaryOf(r.state)).filter((s) => s !== null),
      asOf,
      this.config.earlyWarning,
    );
    const shown = new Set(signals.flatMap((s) => s.complaintIds));
    await this.access.recordListRead(
      req,
      rows.filter((r) => shown.has(r.id)),
    );
    return {
      asOf: asOf.toISOString().slice(0, 10),
      threshold: this.config.earlyWarning.threshold,
      windowDays: this.config.earlyWarning.windowDays,
      signals,
      notice: 'A signal for human review: it says nothing about whether any complaint is founded and decides nothing.',
    };
  }
}
