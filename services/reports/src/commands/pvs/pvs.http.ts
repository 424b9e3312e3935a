import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { UuidParam } from '@police/platform';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandResult } from '@police/event-store';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { PvCommand } from '../../domain/pv.decide';
import { PvState } from '../../domain/pv.state';
import { ReportConflict } from '../../domain/report.errors';
import { GAK_CAPABLE, ReportsAccess } from '../../reports.access';
import { REPORTS_CONFIG, ReportsConfig } from '../../reports.config';
import { definedOnly, requestContext, setEtag } from '../../reports.http-context';
import { PvView, pvView } from '../../queries/reports/report.view';
import { pvRow } from '../../queries/pvs/pv.projection';
import { ExecutePvCommand } from '../reports.cqrs';
import { FeedAngRequest, FinalisePvRequest, QualityCheckRequest, SubmitPvRequest, TransmitPvRequest } from './pvs.request';

type Envelope = Pick<PvCommand, 'type' | 'data'>;


/** The PV lifecycle: submission, GAK quality control, finalisation, transmission, the ANG feed. */
@ApiTags('pvs')
@Controller('pvs')
export class PvCommandsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly access: ReportsAccess,
    @Inject(REPORTS_CONFIG) private readonly config: ReportsConfig,
  ) {}

  @Post(':pvId/submission')
  @HttpCode(200)
  @Allow('front_desk', 'detective')
  @ApiOperation({ summary: 'The author submits the PV to GAK; after a rejection, with the corrections made and a note' })
  async submit(@UuidParam('pvId') pvId: string, @Body() body: SubmitPvRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PvView> {
    return this.onPv(pvId, req, res, {
      type: 'SubmitPvForQualityCheck',
      data: { ...(body.corrections !== undefined && { corrections: definedOnly(body.corrections) }), ...(body.correctionNote !== undefined && { correctionNote: body.correctionNote }) },
    });
  }

  @Post(':pvId/quality-check')
  @HttpCode(200)
  @Allow(...GAK_CAPABLE)
  @ApiOperation({ summary: 'GAK approves the PV, or rejects it with reasons and sends it back to its author for correction' })
  async qualityCheck(@UuidParam('pvId') pvId: string, @Body() body: QualityCheckRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PvView> {
    return this.onPv(pvId, req, res, body.outcome === 'approved' ? { type: 'ApprovePvQuality', data: {} } : { type: 'RejectPvQuality', data: { reasons: body.reasons ?? [] } });
  }

  @Post(':pvId/finalisation')
  @HttpCode(200)
  @Allow(...GAK_CAPABLE)
  @ApiOperation({ summary: 'GAK finalises the quality-checked PV under its number (checked against the zone\'s pattern); it is never edited again' })
  async finalise(@UuidParam('pvId') pvId: string, @Body() body: FinalisePvRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PvView> {
    return this.onPv(pvId, req, res, { type: 'FinalisePv', data: { pvNumber: body.pvNumber, pvNumberPattern: this.config.pvNumberPattern } });
  }

  @Post(':pvId/transmission')
  @HttpCode(200)
  @Allow(...GAK_CAPABLE)
  @ApiOperation({ summary: 'Record that the finalised PV went to the parket, or for GAS to the city' })
  async transmit(@UuidParam('pvId') pvId: string, @Body() body: TransmitPvRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PvView> {
    return this.onPv(pvId, req, res, { type: 'TransmitPv', data: { ...(body.recipientRef !== undefined && { recipientRef: body.recipientRef }) } });
  }

  @Post(':pvId/ang-feed')
  @HttpCode(200)
  @Allow(...GAK_CAPABLE)
  @ApiOperation({ summary: 'GAK records that the finalised PV was fed to the national database (ANG)' })
  async feedAng(@UuidParam('pvId') pvId: string, @Body() body: FeedAngRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PvView> {
    return this.onPv(pvId, req, res, { type: 'FeedPvToAng', data: { ...(body.angRef !== undefined && { angRef: body.angRef }) } });
  }

  private async onPv(pvId: string, req: Request, res: Response, command: Envelope): Promise<PvView> {
    const pv = await this.access.currentPvRow(pvId);
    const report = await this.access.currentRow(pv.reportId);
    this.access.authorizePvWrite(req, report, pv);
    if (report.sealed) throw new ReportConflict('report_routed_to_integrity', 'The report of this PV was routed to integrity; it is handled there');
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    const result: CommandResult<PvState> = await this.bus.execute(new ExecutePvCommand(pvId, command, ctx));
    setEtag(res, result.version);
    return pvView(pvRow(result.state, result.version)!);
  }
}
