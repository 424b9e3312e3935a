import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandInput, CommandResult } from '@police/event-store';
import { requestContext, setEtag, UuidParam } from '@police/platform';
import { RetentionCommand, RetentionState } from '@police/retention';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { EvidenceAccess } from '../../evidence.access';
import { EvidenceRetention, RetentionDecisionView, retentionDecisionView, RetentionRunView } from '../../evidence.retention';
import { ApproveErasureRequest, ExtendRetentionRequest, LegalHoldRequest } from './retention.request';

/**
 * Retention (ADR 0055): the DPO's review of records whose retention period is over — approve (the erasure: the
 * record's data key is destroyed), extend with a reason, place or lift a legal hold — and a run of the job on demand.
 */
@ApiTags('retention')
@Controller()
export class RetentionCommandsController {
  constructor(
    private readonly access: EvidenceAccess,
    private readonly retention: EvidenceRetention,
  ) {}

  @Post('retention/runs')
  @HttpCode(200)
  @Allow('dpo', 'ops')
  @ApiOperation({ summary: 'Run the retention job now: record as due for review every record whose retention period is over' })
  async run(@Req() req: Request): Promise<RetentionRunView> {
    return this.retention.run(new Date(), this.access.principal(req).staffId);
  }

  @Post('retention/reviews/:id/approve')
  @HttpCode(200)
  @Allow('dpo')
  @ApiOperation({
    summary: 'Approve the erasure of a due record: its data key is destroyed (never under legal hold, nor while it is blocked)',
  })
  async approve(
    @UuidParam('id') id: string,
    @Body() body: ApproveErasureRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RetentionDecisionView> {
    const blockers = await this.retention.blockers(id);
    return this.on(id, req, res, { type: 'ApproveErasure', data: { decisionRef: body.decisionRef, blockers } });
  }

  @Post('retention/reviews/:id/extend')
  @HttpCode(200)
  @Allow('dpo')
  @ApiOperation({ summary: 'Keep a due record until a new date, for a reason (then it is due again)' })
  extend(
    @UuidParam('id') id: string,
    @Body() body: ExtendRetentionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RetentionDecisionView> {
    return this.on(id, req, res, { type: 'ExtendRetention', data: body });
  }

  @Post('retention/reviews/:id/legal-hold')
  @HttpCode(200)
  @Allow('dpo')
  @ApiOperation({ summary: 'Place a legal hold: the record is not erased while it stands' })
  placeHold(
    @UuidParam('id') id: string,
    @Body() body: LegalHoldRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RetentionDecisionView> {
    return this.on(id, req, res, { type: 'PlaceLegalHold', data: body });
  }

  @Post('retention/reviews/:id/legal-hold/lift')
  @HttpCode(200)
  @Allow('dpo')
  @ApiOperation({ summary: 'Lift a legal hold, for a reason' })
  liftHold(
    @UuidParam('id') id: string,
    @Body() body: LegalHoldRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RetentionDecisionView> {
    return this.on(id, req, res, { type: 'LiftLegalHold', data: body });
  }

  private async on(id: string, req: Request, res: Response, command: CommandInput<RetentionCommand>): Promise<RetentionDecisionView> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    return this.answer(res, await this.retention.reviews.handle(id, command, ctx));
  }

  private answer(res: Response, result: CommandResult<RetentionState>): RetentionDecisionView {
    setEtag(res, result.version);
    return retentionDecisionView(result.state, result.version)!;
  }
}
