import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, CommandInput, CommandResult, newRecordId } from '@police/event-store';
import { EVENT_SOURCING, problem, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { AccessControl, Allow } from '@police/security';
import type { Request, Response } from 'express';
import { FoundObjectCommand } from '../../domain/found-object.decide';
import { Actor } from '../../domain/evidence.decide';
import { FoundObjectEvent } from '../../domain/found-object.events';
import { FoundObjectState } from '../../domain/found-object.state';
import { EvidenceAccess, POPP_ROLES } from '../../evidence.access';
import { foundObjectAggregate } from '../../evidence.aggregates';
import { EVIDENCE_CONFIG, EvidenceConfig } from '../../evidence.config';
import { LossDeclarationRow } from '../../read-model/found-objects/found-object.read-model';
import { FoundObjectView, foundObjectView } from '../../read-model/found-objects/found-object.view';
import {
  DestroyRequest,
  HandOverRequest,
  IdentifyOwnerRequest,
  MatchLossRequest,
  OwnerSearchRequest,
  RegisterFoundObjectRequest,
  ReturnToOwnerRequest,
} from './found-objects.request';

/** Found objects (POPP): registration, owner search, matching a loss declaration, return, hand-over, destruction. */
@ApiTags('found-objects')
@Controller()
export class FoundObjectCommandsController {
  private readonly foundObjects: AggregateCommands<FoundObjectState, FoundObjectEvent, FoundObjectCommand, Actor>;

  constructor(
    private readonly access: EvidenceAccess,
    private readonly control: AccessControl,
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig,
  ) {
    this.foundObjects = es.commands(foundObjectAggregate);
  }

  @Post('found-objects')
  @Allow(...POPP_ROLES)
  @ApiOperation({ summary: 'Register an object brought to the desk' })
  async register(
    @Body() body: RegisterFoundObjectRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FoundObjectView> {
    const principal = this.access.principal(req);
    const ctx = requestContext(req, this.access.actor(principal));
    const id = newRecordId('found-object', principal.staffId, ctx.idempotencyKey);
    const result = await this.foundObjects.handle(
      id,
      {
        type: 'RegisterFoundObject',
        data: {
          foundObjectId: id,
          source: { kind: 'desk', ...(body.finderRef ? { finderRef: body.finderRef } : {}) },
          category: body.category,
          description: body.description,
          place: body.place,
          foundOn: body.foundOn,
          ...(body.storageLocation ? { storageLocation: body.storageLocation } : {}),
        },
      },
      ctx,
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/evidence/found-objects/${id}`);
    return this.answer(res, result);
  }

  @Post('found-objects/:id/owner-search')
  @HttpCode(200)
  @Allow(...POPP_ROLES)
  ownerSearch(
    @UuidParam('id') id: string,
    @Body() body: OwnerSearchRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FoundObjectView> {
    return this.on(id, req, res, { type: 'StartOwnerSearch', data: { method: body.method } });
  }

  @Post('found-objects/:id/owner')
  @HttpCode(200)
  @Allow(...POPP_ROLES)
  identifyOwner(
    @UuidParam('id') id: string,
    @Body() body: IdentifyOwnerRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FoundObjectView> {
    return this.on(id, req, res, { type: 'IdentifyOwner', data: body });
  }

  @Post('found-objects/:id/loss-match')
  @HttpCode(200)
  @Allow(...POPP_ROLES)
  @ApiOperation({ summary: 'Match the object to a loss declaration made at the desk' })
  async matchLoss(
    @UuidParam('id') id: string,
    @Body() body: MatchLossRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FoundObjectView> {
    const loss = await this.es.dataSource.getRepository(LossDeclarationRow).findOneBy({ reportId: body.lossReportId });
    if (!loss)
      throw problem(
        422,
        'unknown_loss_declaration',
        `No loss declaration ${body.lossReportId} is known to the evidence service.`,
        'lossReportId',
      );
    return this.on(id, req, res, { type: 'MatchLossDeclaration', data: { lossReportId: loss.reportId, declarantRef: loss.declarantRef } });
  }

  @Post('found-objects/:id/return')
  @HttpCode(200)
  @Allow(...POPP_ROLES)
  returnToOwner(
    @UuidParam('id') id: string,
    @Body() body: ReturnToOwnerRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FoundObjectView> {
    return this.on(id, req, res, { type: 'ReturnFoundObjectToOwner', data: body });
  }

  @Post('found-objects/:id/hand-over')
  @HttpCode(200)
  @Allow('evidence_officer')
  @ApiOperation({
    summary: 'After the legal holding period: hand the object to an organisation (holding period per category is configuration)',
  })
  handOver(
    @UuidParam('id') id: string,
    @Body() body: HandOverRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FoundObjectView> {
    return this.on(id, req, res, { type: 'HandFoundObjectToOrganisation', data: { ...body, holdingPeriods: this.config.holdingPeriods } });
  }

  @Post('found-objects/:id/destroy')
  @HttpCode(200)
  @Allow('evidence_officer')
  destroy(
    @UuidParam('id') id: string,
    @Body() body: DestroyRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FoundObjectView> {
    return this.on(id, req, res, { type: 'DestroyFoundObject', data: { ...body, holdingPeriods: this.config.holdingPeriods } });
  }

  /**
   * A command on a found object: decided on its stream, which answers 404 (found_object_not_found) for an
   * id that was never registered. Not on the read model: it trails the log, and an object registered a
   * moment ago at the desk must be returnable at once.
   */
  private async on(id: string, req: Request, res: Response, command: CommandInput<FoundObjectCommand>): Promise<FoundObjectView> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    return this.answer(res, await this.foundObjects.handle(id, command, ctx));
  }

  private answer(res: Response, result: CommandResult<FoundObjectState>): FoundObjectView {
    setEtag(res, result.version);
    return foundObjectView(result.state, result.version, this.config.holdingPeriods)!;
  }
}
