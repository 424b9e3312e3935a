import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, CommandInput, newRecordId, RecordedEvent, streamAfter } from '@police/event-store';
import { EVENT_SOURCING, problem, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { Actor } from '../../domain/integrity.decide';
import { ThreatFileCommand, ThreatFileState } from '../../domain/threat-file.decide';
import { ThreatFileEvent } from '../../domain/threat-file.events';
import { IntegrityAccess, TUCHT_ROLES } from '../../integrity.access';
import { threatFileAggregate } from '../../integrity.aggregates';
import { ThreatFileRow } from '../../read-model/tucht/tucht.read-model';
import { ThreatFileAnswer, threatFileView } from '../../read-model/tucht/tucht.view';
import { CloseThreatFileRequest, OpenThreatFileRequest, ThreatFileNoteRequest } from './tucht.request';

/**
 * Threat files (dreigingsdossiers "tegenover collega's", R-INT-13), kept by Bureau Tucht. Every staff member
 * involved, as subject, target or unspecified, gets the 404 of a missing id on every route.
 */
@ApiTags('threat-files')
@Controller('threat-files')
export class ThreatFileCommandsController {
  private readonly threatFiles: AggregateCommands<ThreatFileState, ThreatFileEvent, ThreatFileCommand, Actor>;

  constructor(
    @Inject(EVENT_SOURCING) es: ServiceEventSourcing,
    private readonly access: IntegrityAccess,
  ) {
    this.threatFiles = es.commands(threatFileAggregate);
  }

  @Post()
  @Allow(...TUCHT_ROLES)
  @ApiOperation({
    summary:
      'Open a threat file with the staff members involved (subject, target or unspecified; Idempotency-Key makes a retry return the first result)',
  })
  async open(
    @Body() body: OpenThreatFileRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ThreatFileAnswer> {
    const principal = this.access.principal(req);
    if (body.involved.some((m) => m.staffId === principal.staffId)) {
      throw problem(422, 'threat_file_names_recorder', 'A threat file that involves you must be opened by someone else.', 'involved');
    }
    const ctx = requestContext(req, this.access.actor(principal));
    const threatFileId = newRecordId('threat-file', principal.staffId, ctx.idempotencyKey);
    const result = await this.threatFiles.handle(
      threatFileId,
      {
        type: 'OpenThreatFile',
        data: {
          threatFileId,
          openedOn: body.openedOn,
          summary: body.summary,
          involved: body.involved.map((m) => ({ staffId: m.staffId, involvement: m.involvement })),
        },
      },
      ctx,
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/integrity/threat-files/${threatFileId}`);
    return this.answer(res, threatFileId);
  }

  @Post(':id/notes')
  @Allow(...TUCHT_ROLES)
  @ApiOperation({ summary: 'Add a note to an open threat file' })
  async note(
    @UuidParam('id') id: string,
    @Body() body: ThreatFileNoteRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ThreatFileAnswer & { noteId: string }> {
    const noteId = newRecordId('threat-file-note', this.access.principal(req).staffId, req.header('idempotency-key'));
    const answer = await this.onFile(id, req, res, { type: 'AddThreatFileNote', data: { noteId, note: body.note } });
    res.status(201);
    return { ...answer, noteId };
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allow(...TUCHT_ROLES)
  @ApiOperation({ summary: 'Close a threat file, with the reason' })
  close(
    @UuidParam('id') id: string,
    @Body() body: CloseThreatFileRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ThreatFileAnswer> {
    return this.onFile(id, req, res, { type: 'CloseThreatFile', data: { closedOn: body.closedOn, reason: body.reason } });
  }

  /** The command on the file, with the record check on the state the command loads (one read of the stream). */
  private async onFile(id: string, req: Request, res: Response, command: CommandInput<ThreatFileCommand>): Promise<ThreatFileAnswer> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    let before: RecordedEvent[] = [];
    const result = await this.threatFiles.handle(id, command, {
      ...ctx,
      authorize: (loaded) => {
        before = loaded.events;
        this.access.authorizeWriteResource(req, this.access.threatFileResource(this.access.threatFileRowOf(loaded.events)));
      },
    });
    const after = streamAfter(before, result);
    return this.answer(res, id, after && this.access.threatFileRowOf(after));
  }

  private async answer(res: Response, id: string, current?: ThreatFileRow): Promise<ThreatFileAnswer> {
    const row = current ?? (await this.access.currentThreatFile(id));
    setEtag(res, row.version);
    return threatFileView(row);
  }
}
