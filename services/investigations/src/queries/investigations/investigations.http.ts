import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { accessColumns, ApiProblems, boundedCount, ListOrder, listPage, problem, queryParam, setEtag, UuidParam } from '@police/platform';
import { Allow, Consults, ProtectedResource, SearchRateLimit } from '@police/security';
import type { Request, Response } from 'express';
import { Brackets } from 'typeorm';
import { AsOfQuery, ListInvestigationsQuery, PersonIndexQuery } from './investigations.query';
import { ACTION_FIELDS, ActionKind, COERCIVE_ACTIONS, InvestigationKind, OriginKind, PartyRole } from '../../domain/investigation.events';
import { InvestigationsAccess } from '../../investigations.access';
import { INVESTIGATIONS_CONFIG, InvestigationsConfig, teamKey } from '../../investigations.config';
import {
  caseFile,
  CaseFileView,
  otherInvestigationsNamed,
  ServedTimelineEntry,
  servedTimeline,
  withoutHidden,
} from '../../read-model/investigations/case-file.view';
import { InvestigationRow, PartyLinkRow } from '../../read-model/investigations/investigation.read-model';

const READERS = ['detective', 'team_lead', 'chief'] as const;

/** A page of the investigations list. */
export interface InvestigationPage {
  investigations: InvestigationListEntry[];
  /** Visible investigations the filters keep, counted up to 1,000. */
  total: number;
  /** False when there are more than 1,000: then `total` is 1,000. */
  totalExact: boolean;
  limit: number;
  offset: number;
  /** The cursor of the following page (pass it as `after`); absent on the last page. */
  next?: string;
}

/** The investigations list's order, newest first: the index `investigations_list_order` walks it. */
const INVESTIGATION_LIST_ORDER: ListOrder<InvestigationRow> = {
  key: 'i.openedAt',
  keyType: 'timestamptz',
  id: 'i.id',
  position: (row) => [new Date(row.openedAt).toISOString(), row.id],
};

export interface InvestigationListEntry {
  id: string;
  title: string;
  kind: InvestigationKind;
  status: 'open' | 'closed';
  phenomenon: string;
  team: string;
  originKind: OriginKind;
  leadInvestigator: string | null;
  members: string[];
  reportIds: string[];
  pvNumbers: string[];
  openedAt: string;
  closedAt: string | null;
  version: number;
}

/** The zone's configuration the detectives' forms need: teams, routing, and the rules on actions. */
export interface InvestigationsReference {
  /** The teams that may hold an investigation. */
  teams: string[];
  /** Teams whose cases are hidden from everyone outside them (the chief's break-glass read aside). */
  restrictedTeams: string[];
  /** Where a phenomenon without a route goes when referred. */
  unroutedTeam: string;
  /** Phenomenon → team, as opening and reassigning by routing use it. */
  routes: { phenomenon: string; team: string }[];
  /** Actions recorded only on a directing authority (R-INV-1). */
  coerciveActions: ActionKind[];
  /** Actions that need their own authorisation reference. */
  requiresAuthorisation: ActionKind[];
  /** The fields each kind of action needs. */
  actionFields: Record<ActionKind, string[]>;
}

export interface PersonAppearance {
  investigationId: string;
  title: string;
  team: string;
  status: 'open' | 'closed';
  partyLinkId: string;
  displayName: string;
  role: PartyRole;
  identified: boolean;
  traced: boolean;
  linked: boolean;
}

/** Open cases of one team, by how long they have been open. */
export interface TeamCaseCounts {
  team: string;
  open: number;
  /** Open cases by age since opening, in days: under 30, 30–89, 90–179, 180 and more. */
  ageDays: { under30: number; from30to89: number; from90to179: number; from180: number };
  /** When the oldest open case was opened; null without one. */
  oldestOpenedAt: string | null;
}

/** The zone's open cases per team: counts only, nothing about a case or a person. */
export interface InvestigationStatistics {
  /** When the ages were counted. */
  at: string;
  open: number;
  teams: TeamCaseCounts[];
}

/** Reading investigations: lists, the person index, one case file (now or as it stood then), its timeline. */
@ApiTags('investigations')
@Controller()
export class InvestigationQueriesController {
  constructor(
    private readonly access: InvestigationsAccess,
    @Inject(INVESTIGATIONS_CONFIG) private readonly config: InvestigationsConfig,
  ) {}

  @Get('reference')
  @Allow(...READERS)
  // Configuration, not records; rate-limited like every collection route (the console asks once a session).
  @SearchRateLimit()
  @ApiOperation({
    summary:
      "The zone's teams, phenomenon routing and rules on actions (directing authority, authorisation, fields), for the detectives' forms",
  })
  reference(): InvestigationsReference {
    return {
      teams: [...this.config.teams],
      restrictedTeams: [...this.config.restrictedTeams],
      unroutedTeam: this.config.unroutedTeam,
      routes: Object.entries(this.config.routes).map(([phenomenon, team]) => ({ phenomenon, team })),
      coerciveActions: [...COERCIVE_ACTIONS],
      requiresAuthorisation: [...this.config.requiresAuthorisation],
      actionFields: Object.fromEntries(Object.entries(ACTION_FIELDS).map(([kind, fields]) => [kind, [...fields]])) as Record<
        ActionKind,
        string[]
      >,
    };
  }

  @Get('statistics')
  @SearchRateLimit()
  @Allow('chief')
  @ApiOperation({
    summary:
      "The zone's open cases per team and their age since opening (under 30, 30-89, 90-179, 180+ days), for the chief: counts only, no case or person; every configured team listed, restricted ones too",
  })
  async statistics(): Promise<InvestigationStatistics> {
    const raw = await this.access.eventSourcing.dataSource
      .getRepository(InvestigationRow)
      .createQueryBuilder('i')
      .select('i.team', 'team')
      .addSelect('COUNT(*)::int', 'open')
      .addSelect("COUNT(*) FILTER (WHERE i.openedAt > now() - interval '30 days')::int", 'under30')
      .addSelect(
        "COUNT(*) FILTER (WHERE i.openedAt <= now() - interval '30 days' AND i.openedAt > now() - interval '90 days')::int",
        'from30to89',
      )
      .addSelect(
        "COUNT(*) FILTER (WHERE i.openedAt <= now() - interval '90 days' AND i.openedAt > now() - interval '180 days')::int",
        'from90to179',
      )
      .addSelect("COUNT(*) FILTER (WHERE i.openedAt <= now() - interval '180 days')::int", 'from180')
      .addSelect('MIN(i.openedAt)', 'oldest')
      .where("i.status = 'open'")
      .groupBy('i.team')
      .getRawMany<{
        team: string;
        open: number;
        under30: number;
        from30to89: number;
        from90to179: number;
        from180: number;
        oldest: Date | string | null;
      }>();
    const byTeam = new Map(raw.map((r) => [r.team, r]));
    const configured = this.config.teams.map((t) => ({ name: t, key: teamKey(t) }));
    const names = [
      ...configured,
      ...raw.filter((r) => !configured.some((c) => c.key === r.team)).map((r) => ({ name: r.team, key: r.team })),
    ];
    const teams = names.map(({ name, key }): TeamCaseCounts => {
      const r = byTeam.get(key);
      return {
        team: name,
        open: Number(r?.open ?? 0),
        ageDays: {
          under30: Number(r?.under30 ?? 0),
          from30to89: Number(r?.from30to89 ?? 0),
          from90to179: Number(r?.from90to179 ?? 0),
          from180: Number(r?.from180 ?? 0),
        },
        oldestOpenedAt: r?.oldest ? new Date(r.oldest).toISOString() : null,
      };
    });
    return { at: new Date().toISOString(), open: teams.reduce((n, t) => n + t.open, 0), teams };
  }

  @Get()
  @ApiProblems(422)
  @SearchRateLimit()
  @Allow(...READERS)
  @Consults('investigation')
  @ApiOperation({
    summary:
      'Investigations you may see (never a break-glass read), newest first, by team, status, phenomenon, assignee, lead, report or opening time; `next` is the cursor of the following page (absent on the last), to pass as `after`; `total` counts only those you may see, up to 1,000 (`totalExact` false beyond)',
  })
  async list(@Query() q: ListInvestigationsQuery, @Req() req: Request): Promise<InvestigationPage> {
    const limit = Math.min(q.limit ?? 50, 200);
    const offset = q.offset ?? 0;
    const qb = this.access.eventSourcing.dataSource.getRepository(InvestigationRow).createQueryBuilder('i');
    if (q.team) qb.andWhere('i.team = :team', { team: teamKey(q.team) });
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.phenomenon) qb.andWhere('i.phenomenon = :phenomenon', { phenomenon: q.phenomenon });
    if (q.assignedTo)
      qb.andWhere(
        new Brackets((w) => w.where('i.leadInvestigator = :a', { a: q.assignedTo }).orWhere(':a = ANY(i.members)', { a: q.assignedTo })),
      );
    if (q.lead) qb.andWhere('i.leadInvestigator = :lead', { lead: q.lead });
    if (q.reportId) qb.andWhere(':r = ANY(i.reportIds)', { r: q.reportId });
    if (q.openedFrom) qb.andWhere('i.openedAt >= :openedFrom', { openedFrom: new Date(q.openedFrom) });
    if (q.openedTo) qb.andWhere('i.openedAt < :openedTo', { openedTo: new Date(q.openedTo) });
    const principal = this.access.principal(req);
    // Need-to-know in the SQL, over the access the row stores (ADR 0061); recordListRead re-checks the page with canSee.
    qb.andWhere(this.access.accessControl.visibleWhere(principal, ['investigation'], accessColumns('i'), queryParam(qb, 'visible')));
    const [page, counted] = await Promise.all([
      listPage(qb, INVESTIGATION_LIST_ORDER, { limit, offset, after: q.after }),
      boundedCount(qb),
    ]);
    const shown = page.rows.map((row) => ({ row, resource: this.access.rowResource(row) }));
    await this.access.accessControl.recordListRead(
      req,
      'investigation',
      shown.map((v) => v.resource),
    );
    return {
      investigations: shown.map((v) => listEntry(v.row)),
      ...counted,
      limit,
      offset,
      ...(page.next ? { next: page.next } : {}),
    };
  }

  @Get('persons')
  @ApiProblems(422)
  @SearchRateLimit()
  @Allow(...READERS)
  @Consults('investigation')
  @ApiOperation({ summary: 'The person index: where a person appears across the investigations you may see (hidden ones are not counted)' })
  async persons(
    @Query() q: PersonIndexQuery,
    @Req() req: Request,
  ): Promise<{ persons: { personId: string; appearances: PersonAppearance[] }[] }> {
    if (!q.personId && !q.name) throw problem(422, 'required', 'Ask by personId or by name', 'personId');
    const ds = this.access.eventSourcing.dataSource;
    const qb = ds.getRepository(PartyLinkRow).createQueryBuilder('p').orderBy('p.linkedAt', 'ASC').limit(1000);
    if (q.personId) qb.andWhere('p.personId = :pid', { pid: q.personId });
    if (q.name) qb.andWhere('p.displayName ILIKE :name', { name: `%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const links = await qb.getMany();
    const ids = [...new Set(links.map((l) => l.investigationId))];
    const cases =
      ids.length > 0 ? await ds.getRepository(InvestigationRow).createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany() : [];
    const principal = this.access.principal(req);
    const seen = new Map<string, { row: InvestigationRow; resource: ProtectedResource }>();
    for (const row of cases) {
      const resource = this.access.rowResource(row);
      if (this.access.canSee(principal, resource)) seen.set(row.id, { row, resource });
    }
    await this.access.accessControl.recordListRead(
      req,
      'investigation',
      [...seen.values()].map((s) => s.resource),
    );
    const persons = new Map<string, PersonAppearance[]>();
    for (const link of links) {
      const kase = seen.get(link.investigationId);
      if (!kase) continue;
      const appearances = persons.get(link.personId) ?? [];
      appearances.push({
        investigationId: kase.row.id,
        title: kase.row.title,
        team: kase.row.team,
        status: kase.row.status as 'open' | 'closed',
        partyLinkId: link.partyLinkId,
        displayName: link.displayName,
        role: link.role as PartyRole,
        identified: link.identified,
        traced: link.traced,
        linked: link.linked,
      });
      persons.set(link.personId, appearances);
    }
    return { persons: [...persons].map(([personId, appearances]) => ({ personId, appearances })) };
  }

  @Get(':id')
  @Allow(...READERS)
  @Consults('investigation')
  @ApiOperation({ summary: 'The case file; with ?asOf=<ISO time> as it stood then' })
  async get(
    @UuidParam('id') id: string,
    @Query() q: AsOfQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseFileView & { asOf?: string }> {
    const current = await this.access.current(id);
    const granted = await this.access.authorizeRead(req, current.state);
    res.setHeader('X-Access-Basis', granted.basis);
    const principal = this.access.principal(req);
    if (!q.asOf) {
      setEtag(res, current.version);
      const hidden = await this.access.unknowableTo(principal, otherInvestigationsNamed(current.events));
      return { id, version: current.version, investigation: withoutHidden(caseFile(current.events, current.state)!, hidden) };
    }
    // ISO 8601 admits forms a Date cannot hold (week dates, basic format, hours alone): refuse them here.
    const asOf = new Date(q.asOf);
    if (Number.isNaN(asOf.getTime())) throw problem(400, 'invalid_time', 'asOf must be a date-time such as 2026-11-15T10:00:00Z', 'asOf');
    const then = await this.access.load(id, asOf);
    if (!then)
      throw problem(404, 'investigation_not_opened_then', `Investigation ${id} was not opened yet at ${asOf.toISOString()}.`, 'asOf');
    const hidden = await this.access.unknowableTo(principal, otherInvestigationsNamed(then.events));
    return {
      id,
      version: then.version,
      investigation: withoutHidden(caseFile(then.events, then.state)!, hidden),
      asOf: asOf.toISOString(),
    };
  }

  @Get(':id/timeline')
  @Allow(...READERS)
  @Consults('investigation')
  @ApiOperation({ summary: 'Everything in the case file in order, with who recorded it and when' })
  async timeline(
    @UuidParam('id') id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ investigationId: string; version: number; entries: ServedTimelineEntry[] }> {
    const current = await this.access.current(id);
    const granted = await this.access.authorizeRead(req, current.state);
    res.setHeader('X-Access-Basis', granted.basis);
    const hidden = await this.access.unknowableTo(this.access.principal(req), otherInvestigationsNamed(current.events));
    return { investigationId: id, version: current.version, entries: servedTimeline(current.events, hidden) };
  }
}

function listEntry(r: InvestigationRow): InvestigationListEntry {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as InvestigationKind,
    status: r.status as 'open' | 'closed',
    phenomenon: r.phenomenon,
    team: r.team,
    originKind: r.originKind as OriginKind,
    leadInvestigator: r.leadInvestigator,
    members: r.members,
    reportIds: r.reportIds,
    pvNumbers: r.pvNumbers,
    openedAt: new Date(r.openedAt).toISOString(),
    closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
    version: r.version,
  };
}
