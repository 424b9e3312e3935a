import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands } from '@police/event-store';
import { ApiProblems, EVENT_SOURCING, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow, ErasureAnswer, ProcessingRestrictionAnswer, ProcessingRestrictionRequest } from '@police/security';
import type { Request, Response } from 'express';
import { ReportCommand } from '../../domain/report.decide';
import { ReportEvent } from '../../domain/report.events';
import { ReportState } from '../../domain/report.state';
import { Actor } from '../../domain/reports.decide';
import { ReportsAccess } from '../../reports.access';
import { reportAggregate, RoutedReportCommand } from '../../reports.aggregates';

/**
 * The DPO restricts a report's processing, or lifts the restriction (LED art. 16 §3; ADR 0056). A restricted report
 * answers like a sealed record: 404 to everyone but the DPO, for reads and writes, in lists and searches.
 */
@ApiTags('data-subjects')
@Controller()
export class ProcessingRestrictionController {
  private readonly reports: AggregateCommands<ReportState, ReportEvent, ReportCommand | RoutedReportCommand, Actor>;

  constructor(
    @Inject(EVENT_SOURCING) es: ServiceEventSourcing,
    private readonly access: ReportsAccess,
  ) {
    this.reports = es.commands(reportAggregate);
  }

  @Post(':id/processing-restriction')
  @HttpCode(200)
  @Allow('dpo')
  @ApiOperation({
    summary: "Restrict the report's processing under a decision of the DPO: it answers as a sealed record, 404 to everyone else",
  })
  restrict(
    @UuidParam('id') id: string,
    @Body() body: ProcessingRestrictionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcessingRestrictionAnswer> {
    return this.on(id, req, res, { type: 'RestrictProcessing', data: { decision: body.decision, reason: body.reason } });
  }

  @Post(':id/processing-restriction/lift')
  @HttpCode(200)
  @Allow('dpo')
  @ApiOperation({ summary: "Lift the restriction of the report's processing, under a decision of the DPO" })
  lift(
    @UuidParam('id') id: string,
    @Body() body: ProcessingRestrictionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcessingRestrictionAnswer> {
    return this.on(id, req, res, { type: 'LiftProcessingRestriction', data: { decision: body.decision, reason: body.reason } });
  }

  @Post(':id/statement-erasure')
  @HttpCode(200)
  @Allow('dpo')
  @ApiProblems(409)
  @ApiOperation({
    summary:
      "Erase the report's statement under a decision of the DPO (LED art. 16 §2; ADR 0065): its data key is destroyed, its text, parties, staff concerned, incident type and place read as the erasure marker from then on; refused (409) once the statement is in a judicial file",
  })
  async erase(
    @UuidParam('id') id: string,
    @Body() body: ProcessingRestrictionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ErasureAnswer> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    // Whether a PV of it went to the prosecutor: the PVs the read model knows (it trails their log by milliseconds).
    const inJudicialFile = (await this.access.row(id)).pvs.some((p) => p.transmitted);
    const result = await this.reports.handle(
      id,
      { type: 'EraseStatement', data: { decision: body.decision, reason: body.reason, inJudicialFile } },
      { ...ctx, authorize: async (loaded) => void (await this.access.rowOf(id, loaded.events)) },
    );
    setEtag(res, result.version);
    const erased = result.state.status === 'open' ? result.state.erased : undefined;
    return { id, version: result.version, erased: erased! };
  }

  private async on(
    id: string,
    req: Request,
    res: Response,
    command: { type: 'RestrictProcessing' | 'LiftProcessingRestriction'; data: { decision: string; reason: string } },
  ): Promise<ProcessingRestrictionAnswer> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    // The DPO acts on any report by function (the route admits no one else); an id without a report is a 404.
    const result = await this.reports.handle(id, command, {
      ...ctx,
      authorize: async (loaded) => void (await this.access.rowOf(id, loaded.events)),
    });
    setEtag(res, result.version);
    const restriction = result.state.status === 'open' ? (result.state.processingRestriction ?? null) : null;
    return { id, version: result.version, processingRestricted: restriction };
  }
}
