import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { UuidParam } from '@police/platform';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { IntegrityAccess } from '../../integrity.access';
import { requestContext, setEtag } from '../../integrity.http-context';
import { integrityProblem } from '../../integrity.problems';
import { ThreatFileAnswer, threatFileView } from '../../queries/tucht/tucht.view';
import { newRecordId, ThreatFileEnvelope } from '../integrity-commands';
import { ExecuteThreatFileCommand } from '../integrity.cqrs';
import { TUCHT_ROLES } from './order-measures.http';
import { CloseThreatFileRequest, OpenThreatFileRequest, ThreatFileNoteRequest } from './tucht.request';

/**
 * Threat files (dreigingsdossiers "tegenover collega's", R-INT-13), kept by Bureau Tucht. Every staff member
 * involved, as subject, target or unspecified, gets the 404 of a missing id on every route.
 */
@ApiTags('threat-files')
@Controller('threat-files')
export class ThreatFileCommandsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly access: IntegrityAccess,
  ) {}

  @Post()
  @Allow(...TUCHT_ROLES)
  @ApiOperation({ summary: 'Open a threat file with the staff members involved (subject, target or unspecified; Idempotency-Key makes a retry return the first result)' })
  async open(@Body() body: OpenThreatFileRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ThreatFileAnswer> {
    const principal = this.access.principal(req);
    if (body.involved.some((m) => m.staffId === principal.staffId)) {
      throw integrityProblem(422, 'threat_file_names_recorder', 'A threat file that involves you must be opened by someone else.', 'involved');
    }
    const ctx = requestContext(req, this.access.actor(principal));
    const threatFileId = newRecordId('threat-file', principal.staffId, ctx.idempotencyKey);
    const result = await this.bus.execute(
      new ExecuteThreatFileCommand(
        threatFileId,
        { type: 'OpenThreatFile', data: { threatFileId, openedOn: body.openedOn, summary: body.summary, involved: body.involved.map((m) => ({ staffId: m.staffId, involvement: m.involvement })) } },
        ctx,
      ),
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/integrity/threat-files/${threatFileId}`);
    return this.answer(res, threatFileId);
  }

  @Post(':id/notes')
  @Allow(...TUCHT_ROLES)
  @ApiOperation({ summary: 'Add a note to an open threat file' })
  async note(@UuidParam('id') id: string, @Body() body: ThreatFileNoteRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ThreatFileAnswer & { noteId: string }> {
    const noteId = newRecordId('threat-file-note', this.access.principal(req).staffId, req.header('idempotency-key'));
    const answer = await this.onFile(id, req, res, { type: 'AddThreatFileNote', data: { noteId, note: body.note } });
    res.status(201);
    return { ...answer, noteId };
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allow(...TUCHT_ROLES)
  @ApiOperation({ summary: 'Close a threat file, with the reason' })
  close(@UuidParam('id') id: string, @Body() body: CloseThreatFileRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ThreatFileAnswer> {
    return this.onFile(id, req, res, { type: 'CloseThreatFile', data: { closedOn: body.closedOn, reason: body.reason } });
  }

  private async onFile(id: string, req: Request, res: Response, command: ThreatFileEnvelope): Promise<ThreatFileAnswer> {
    const row = await this.access.currentThreatFile(id);
    this.access.authorizeWriteResource(req, this.access.threatFileResource(row));
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    await this.bus.execute(new ExecuteThreatFileCommand(id, command, ctx));
    return this.answer(res, id);
  }

  private async answer(res: Response, id: string): Promise<ThreatFileAnswer> {
    const row = await this.access.currentThreatFile(id);
    setEtag(res, row.version);
    return threatFileView(row);
  }
}
