import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, CommandInput, CommandResult, newRecordId } from '@police/event-store';
import {
  definedOnly,
  EVENT_SOURCING,
  IfMatchRequired,
  problem,
  ProblemException,
  requestContext,
  requireIfMatch,
  ServiceEventSourcing,
  setEtag,
  UuidParam,
} from '@police/platform';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { ReportCommand } from '../../domain/report.decide';
import { ReportEvent, ReportFacts, ReportParty } from '../../domain/report.events';
import { ReportState } from '../../domain/report.state';
import { ReportConflict } from '../../domain/report.errors';
import { PvCommand, supplementTarget } from '../../domain/pv.decide';
import { PvEvent } from '../../domain/pv.events';
import { PvState } from '../../domain/pv.state';
import { Actor } from '../../domain/reports.decide';
import { ReportsAccess } from '../../reports.access';
import { pvAggregate, reportAggregate, RoutedReportCommand } from '../../reports.aggregates';
import { officeRules, REPORTS_CONFIG, ReportsConfig } from '../../reports.config';
import { reportRow } from '../../read-model/reports/report.projection';
import { ReportRow } from '../../read-model/reports/report.read-model';
import { PvView, pvView, ReportView, reportView } from '../../read-model/reports/report.view';
import { PvRow } from '../../read-model/pvs/pv.read-model';
import { pvRow } from '../../read-model/pvs/pv.projection';
import { DraftPvRequest } from '../pvs/pvs.request';
import {
  AmendReportRequest,
  AssignReportRequest,
  ExternalReferralRequest,
  InvestigationRequestRequest,
  PartyRequest,
  ReceiveReportRequest,
  VictimSupportRequest,
} from './reports.request';

type Envelope = CommandInput<ReportCommand | RoutedReportCommand>;

/**
 * Who takes reports in: the front desk and meldpunt (front_desk), and detectives and team leads, who
 * take aangiften and klachten in the field and during investigations. The same roles triage, each on
 * the reports it may act on (AccessControl: the desk by function, detectives by team or assignment).
 */
const INTAKE = ['front_desk', 'detective', 'team_lead'] as const;

/** Intake and triage of reports; PVs are drafted here, as sub-resources of their report. */
@ApiTags('reports')
@Controller()
export class ReportCommandsController {
  private readonly reports: AggregateCommands<ReportState, ReportEvent, ReportCommand | RoutedReportCommand, Actor>;
  private readonly pvs: AggregateCommands<PvState, PvEvent, PvCommand, Actor>;

  constructor(
    @Inject(EVENT_SOURCING) es: ServiceEventSourcing,
    private readonly access: ReportsAccess,
    @Inject(REPORTS_CONFIG) private readonly config: ReportsConfig,
  ) {
    this.reports = es.commands(reportAggregate);
    this.pvs = es.commands(pvAggregate);
  }

  @Post()
  @Allow(...INTAKE)
  @ApiOperation({
    summary:
      'Take a report in (Idempotency-Key makes a retry return the first result). A complaint about police conduct is routed to integrity at once and answered as a pointer.',
  })
  async receive(@Body() body: ReceiveReportRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ReportView> {
    const principal = this.access.principal(req);
    const ctx = requestContext(req, this.access.actor(principal), { ifMatch: false });
    const reportId = newRecordId('report', principal.staffId, ctx.idempotencyKey);
    const handoffId = newRecordId('integrity-handoff', principal.staffId, ctx.idempotencyKey);
    const result = await this.reports.handle(
      reportId,
      {
        type: 'ReceiveReport',
        integrityHandoffId: handoffId,
        data: {
          reportId,
          kind: body.kind,
          channel:
            body.channel.kind === 'front_desk'
              ? { kind: 'front_desk', officeId: body.channel.officeId ?? '' }
              : { kind: body.channel.kind },
          urgent: body.urgent ?? false,
          ...(body.appointmentRef !== undefined && { appointmentRef: body.appointmentRef }),
          ...(body.incidentType !== undefined && { incidentType: body.incidentType }),
          ...(body.timeWindow !== undefined && { timeWindow: { from: body.timeWindow.from, to: body.timeWindow.to } }),
          ...(body.place !== undefined && { place: definedOnly(body.place) }),
          narrative: body.narrative,
          parties: this.parties(body.parties, principal.staffId, ctx.idempotencyKey),
          motiveFlags: body.motiveFlags ?? [],
          victimSupportWanted: body.victimSupportWanted ?? false,
          concernsPoliceConduct: body.concernsPoliceConduct ?? false,
          ...(body.staffMembersConcerned !== undefined && { staffMembersConcerned: body.staffMembersConcerned }),
          ...(body.object !== undefined && { object: definedOnly(body.object) }),
          officeRules: officeRules(this.config),
        },
      },
      ctx,
    );
    // A replay may come long after: the report may since have been found to concern its receiver, who must
    // then get the 404 of a missing id, not its pointer.
    if (result.alreadyHandled) this.access.authorizeWrite(req, await this.access.currentRow(reportId));
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/reports/${reportId}`);
    return this.answer(res, result, null, principal.staffId);
  }

  @Post(':id/amendments')
  @IfMatchRequired()
  @HttpCode(200)
  @Allow(...INTAKE)
  @ApiOperation({
    summary: 'Amend the facts (If-Match required); what was said before is kept. Saying it concerns police conduct routes it to integrity.',
  })
  async amend(
    @UuidParam('id') id: string,
    @Body() body: AmendReportRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportView> {
    const principal = this.access.principal(req);
    const c = body.changes;
    const changes: Partial<ReportFacts> = {
      ...(c.incidentType !== undefined && { incidentType: c.incidentType }),
      ...(c.timeWindow !== undefined && { timeWindow: { from: c.timeWindow.from, to: c.timeWindow.to } }),
      ...(c.place !== undefined && { place: definedOnly(c.place) }),
      ...(c.narrative !== undefined && { narrative: c.narrative }),
      ...(c.parties !== undefined && { parties: this.parties(c.parties, principal.staffId, req.header('idempotency-key') ?? undefined) }),
      ...(c.motiveFlags !== undefined && { motiveFlags: c.motiveFlags }),
      ...(c.victimSupportWanted !== undefined && { victimSupportWanted: c.victimSupportWanted }),
      ...(c.concernsPoliceConduct !== undefined && { concernsPoliceConduct: c.concernsPoliceConduct }),
      ...(c.staffMembersConcerned !== undefined && { staffMembersConcerned: c.staffMembersConcerned }),
    };
    const handoffId = newRecordId('integrity-handoff', principal.staffId, req.header('idempotency-key') ?? undefined);
    return this.onReport(
      id,
      req,
      res,
      { type: 'AmendReport', integrityHandoffId: handoffId, data: { changes, reason: body.reason } },
      { requireIfMatch: true },
    );
  }

  @Post(':id/assignment')
  @HttpCode(200)
  @Allow(...INTAKE)
  @ApiOperation({ summary: 'Assign the report to the competent service (meldpunt, R-REP-1); a reassignment keeps the previous one' })
  async assign(
    @UuidParam('id') id: string,
    @Body() body: AssignReportRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportView> {
    if (!this.config.services.some((s) => s.id === body.serviceId)) {
      throw problem(
        422,
        'unknown_service',
        `Service ${body.serviceId} is not configured in this zone (${this.config.services.map((s) => s.id).join(', ')}).`,
        'serviceId',
      );
    }
    return this.onReport(id, req, res, {
      type: 'AssignReportToService',
      data: { serviceId: body.serviceId, ...(body.note !== undefined && { note: body.note }) },
    });
  }

  @Post(':id/external-referral')
  @HttpCode(200)
  @Allow(...INTAKE)
  @ApiOperation({ summary: 'Refer the person to a help organisation outside the police' })
  async refer(
    @UuidParam('id') id: string,
    @Body() body: ExternalReferralRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportView> {
    return this.onReport(id, req, res, { type: 'ReferReportExternally', data: { organisation: body.organisation, reason: body.reason } });
  }

  @Post(':id/victim-support')
  @HttpCode(200)
  @Allow(...INTAKE)
  @ApiOperation({ summary: 'Record that a victim on the report was offered victim support, and whether they accepted (R-REP-8)' })
  async victimSupport(
    @UuidParam('id') id: string,
    @Body() body: VictimSupportRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportView> {
    return this.onReport(id, req, res, {
      type: 'OfferVictimSupport',
      data: { partyId: body.partyId, supportBy: body.supportBy, accepted: body.accepted },
    });
  }

  @Post(':id/investigation-request')
  @HttpCode(200)
  @Allow(...INTAKE)
  @ApiOperation({
    summary: 'Refer the report for investigation (publishes reports.ReportReferredForInvestigation.v1 with the report essentials)',
  })
  async requestInvestigation(
    @UuidParam('id') id: string,
    @Body() body: InvestigationRequestRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportView> {
    const finalised = await this.access.eventSourcing.dataSource
      .getRepository(PvRow)
      .createQueryBuilder('p')
      .where('p.reportId = :id AND p.pvNumber IS NOT NULL', { id })
      .orderBy(`p.state->>'finalisedAt'`, 'DESC')
      .getOne();
    return this.onReport(id, req, res, {
      type: 'RequestInvestigation',
      data: {
        reason: body.reason,
        defaultCompetentService: this.config.defaultCompetentService,
        ...(finalised?.pvNumber ? { pvNumber: finalised.pvNumber } : {}),
      },
    });
  }

  @Post(':id/pvs')
  @Allow('front_desk', 'detective')
  @ApiOperation({ summary: 'Draft a PV for the report (you are its author); with supplementsPvId, a supplementary PV to a finalised one' })
  async draftPv(
    @UuidParam('id') id: string,
    @Body() body: DraftPvRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PvView> {
    const report = await this.access.currentRow(id);
    this.access.authorizeWrite(req, report);
    if (report.sealed) throw new ReportConflict('report_routed_to_integrity', `The report was routed to integrity; it is handled there`);
    const principal = this.access.principal(req);
    const ctx = requestContext(req, this.access.actor(principal), { ifMatch: false });
    let supplements: { pvId: string; pvNumber: string } | undefined;
    if (body.supplementsPvId !== undefined) {
      // Only a PV of this report (which the writer may act on) can be supplemented here: a PV of another
      // report, which the writer may not know of, is answered exactly as one that does not exist.
      const unknown = () => problem(422, 'unknown_pv', 'This report has no PV with this id.', 'supplementsPvId');
      const original = await this.access.currentPvRow(body.supplementsPvId).catch((e: unknown) => {
        throw e instanceof ProblemException && e.getStatus() === 404 ? unknown() : e;
      });
      if (original.reportId !== id) throw unknown();
      supplements = supplementTarget(original.state);
    }
    const pvId = newRecordId('pv', principal.staffId, ctx.idempotencyKey);
    const result: CommandResult<PvState> = await this.pvs.handle(
      pvId,
      {
        type: 'DraftPv',
        data: {
          pvId,
          reportId: id,
          legalQualification: body.legalQualification,
          offenceType: body.offenceType,
          destination: body.destination,
          documentSha256: body.documentSha256,
          ...(supplements !== undefined && { supplements }),
        },
      },
      ctx,
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/reports/pvs/${pvId}`);
    setEtag(res, result.version);
    return pvView(pvRow(result.state, result.version)!);
  }

  /** Party ids are UUIDs other services refer to; a party new to the report gets one here. */
  private parties(parties: PartyRequest[], actor: string, idempotencyKey?: string): ReportParty[] {
    return parties.map((p, i) => ({
      partyId: p.partyId ?? newRecordId(`party-${i}`, actor, idempotencyKey),
      name: p.name,
      roles: p.roles,
      ...(p.contact !== undefined && { contact: p.contact }),
    }));
  }

  /** The command on the report, with the object-level check on the state the command loads (one read of the stream). */
  private async onReport(
    id: string,
    req: Request,
    res: Response,
    command: Envelope,
    options: { requireIfMatch?: boolean } = {},
  ): Promise<ReportView> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    let row: ReportRow | undefined;
    const result = await this.reports.handle(id, command, {
      ...ctx,
      authorize: async (loaded) => {
        row = await this.access.rowOf(id, loaded.events);
        this.access.authorizeWrite(req, row);
        if (options.requireIfMatch) requireIfMatch(ctx);
      },
    });
    return this.answer(res, result, row!, row!.receivedBy);
  }

  private answer(res: Response, result: CommandResult<ReportState>, previous: ReportRow | null, receivedBy: string): ReportView {
    setEtag(res, result.version);
    const routed = result.state.status === 'routed_to_integrity' ? result.state : null;
    const row = reportRow(result.state, result.version, previous, routed ? '' : receivedBy);
    if (!row) throw problem(404, 'report_not_found', 'No such report.');
    return reportView(row);
  }
}
