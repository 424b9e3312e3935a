import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, CommandInput, CommandResult } from '@police/event-store';
import { definedOnly, EVENT_SOURCING, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { PvCommand } from '../../domain/pv.decide';
import { PvEvent } from '../../domain/pv.events';
import { PvState } from '../../domain/pv.state';
import { Actor } from '../../domain/reports.decide';
import { ReportConflict } from '../../domain/report.errors';
import { GAK_CAPABLE, ReportsAccess } from '../../reports.access';
import { REPORTS_CONFIG, ReportsConfig } from '../../reports.config';
import { pvAggregate } from '../../reports.aggregates';
import { PvView, pvView } from '../../read-model/reports/report.view';
import { pvRow } from '../../read-model/pvs/pv.projection';
import { FeedAngRequest, FinalisePvRequest, QualityCheckRequest, SubmitPvRequest, TransmitPvRequest } from './pvs.request';

/** The PV lifecycle: submission, GAK quality control, finalisation, transmission, the ANG feed. */
@ApiTags('pvs')
@Controller('pvs')
export class PvCommandsController {
  private readonly pvs: AggregateCommands<PvState, PvEvent, PvCommand, Actor>;

  constructor(
    @Inject(EVENT_SOURCING) es: ServiceEventSourcing,
    private readonly access: ReportsAccess,
    @Inject(REPORTS_CONFIG) private readonly config: ReportsConfig,
  ) {
    this.pvs = es.commands(pvAggregate);
  }

  @Post(':pvId/submission')
  @HttpCode(200)
  @Allow('front_desk', 'detective')
  @ApiOperation({ summary: 'The author submits the PV to GAK; after a rejection, with the corrections made and a note' })
  async submit(
    @UuidParam('pvId') pvId: string,
    @Body() body: SubmitPvRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PvView> {
    return this.onPv(pvId, req, res, {
      type: 'SubmitPvForQualityCheck',
      data: {
        ...(body.corrections !== undefined && { corrections: definedOnly(body.corrections) }),
        ...(body.correctionNote !== undefined && { correctionNote: body.correctionNote }),
      },
    });
  }

  @Post(':pvId/quality-check')
  @HttpCode(200)
  @Allow(...GAK_CAPABLE)
  @ApiOperation({ summary: 'GAK approves the PV, or rejects it with reasons and sends it back to its author for correction' })
  async qualityCheck(
    @UuidParam('pvId') pvId: string,
    @Body() body: QualityCheckRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PvView> {
    return this.onPv(
      pvId,
      req,
      res,
      body.outcome === 'approved'
        ? { type: 'ApprovePvQuality', data: {} }
        : { type: 'RejectPvQuality', data: { reasons: body.reasons ?? [] } },
    );
  }

  @Post(':pvId/finalisation')
  @HttpCode(200)
  @Allow(...GAK_CAPABLE)
  @ApiOperation({
    summary: "GAK finalises the quality-checked PV under its number (checked against the zone's pattern); it is never edited again",
  })
  async finalise(
    @UuidParam('pvId') pvId: string,
    @Body() body: FinalisePvRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PvView> {
    return this.onPv(pvId, req, res, {
      type: 'FinalisePv',
      data: { pvNumber: body.pvNumber, pvNumberPattern: this.config.pvNumberPattern },
    });
  }

  @Post(':pvId/transmission')
  @HttpCode(200)
  @Allow(...GAK_CAPABLE)
  @ApiOperation({ summary: 'Record that the finalised PV went to the parket, or for GAS to the city' })
  async transmit(
    @UuidParam('pvId') pvId: string,
    @Body() body: TransmitPvRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PvView> {
    return this.onPv(pvId, req, res, {
      type: 'TransmitPv',
      data: { ...(body.recipientRef !== undefined && { recipientRef: body.recipientRef }) },
    });
  }

  @Post(':pvId/ang-feed')
  @HttpCode(200)
  @Allow(...GAK_CAPABLE)
  @ApiOperation({ summary: 'GAK records that the finalised PV was fed to the national database (ANG)' })
  async feedAng(
    @UuidParam('pvId') pvId: string,
    @Body() body: FeedAngRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PvView> {
    return this.onPv(pvId, req, res, { type: 'FeedPvToAng', data: { ...(body.angRef !== undefined && { angRef: body.angRef }) } });
  }

  /** The command on the PV, with the object-level check (on its report too) on the state the command loads. */
  private async onPv(pvId: string, req: Request, res: Response, command: CommandInput<PvCommand>): Promise<PvView> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    const result: CommandResult<PvState> = await this.pvs.handle(pvId, command, {
      ...ctx,
      authorize: async (loaded) => {
        const pv = this.access.pvRowOf(loaded);
        const report = await this.access.currentRow(pv.reportId);
        this.access.authorizePvWrite(req, report, pv);
        if (report.sealed)
          throw new ReportConflict('report_routed_to_integrity', 'The report of this PV was routed to integrity; it is handled there');
      },
    });
    setEtag(res, result.version);
    return pvView(pvRow(result.state, result.version)!);
  }
}
