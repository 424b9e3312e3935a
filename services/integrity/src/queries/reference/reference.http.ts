import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, SearchRateLimit } from '@police/security';
import type { Request } from 'express';
import { SanctionSeverity } from '../../domain/complaint.events';
import { DeadlineLimits, EarlyWarningPolicy } from '../../domain/complaint.state';
import { ErasurePolicy } from '../../domain/disciplinary-file.state';
import { IntegrityAccess, OVERSIGHT_ROLES } from '../../integrity.access';
import { INTEGRITY_CONFIG, IntegrityConfig } from '../../integrity.config';

/** A member of the organisation data: for the console's pickers of investigators and staff members. */
export interface StaffMember {
  staffId: string;
  name: string | null;
  teams: string[];
  unit: string;
}

/** The zone's integrity configuration, as the console's forms need it (no record of any kind). */
export interface IntegrityReference {
  /** The disciplinary authority the reader acts as (the chief: korpschef), or null. */
  actingAs: string | null;
  staff: StaffMember[];
  discipline: {
    authorities: string[];
    sanctions: { sanction: string; severity: SanctionSeverity }[];
    /** Per authority, the severities it may impose. */
    competence: Record<string, SanctionSeverity[]>;
  };
  /** Per kind of order measure, the authorities that may decide, extend or lift one. */
  orderMeasureKinds: { kind: string; authorities: string[] }[];
  deadlines: DeadlineLimits;
  earlyWarning: EarlyWarningPolicy;
  erasure: ErasurePolicy;
}

@ApiTags('reference')
@Controller('reference')
export class IntegrityReferenceController {
  constructor(
    private readonly access: IntegrityAccess,
    @Inject(INTEGRITY_CONFIG) private readonly config: IntegrityConfig,
  ) {}

  @Get()
  @Allow(...OVERSIGHT_ROLES)
  // Configuration, not records; rate-limited like every collection route (the console asks once a session).
  @SearchRateLimit()
  @ApiOperation({
    summary:
      "The zone's organisation data (staff, teams, units), sanction catalogue and competences, kinds of order measure, time limits, the early-warning policy and erasure periods, and the authority you act as",
  })
  reference(@Req() req: Request): IntegrityReference {
    const c = this.config;
    return {
      actingAs: this.access.actor(this.access.principal(req)).authority ?? null,
      staff: Object.entries(c.organisation)
        .map(([staffId, m]) => ({ staffId, name: m.name ?? null, teams: [...m.teams], unit: m.unit }))
        .sort((a, b) => a.staffId.localeCompare(b.staffId)),
      discipline: {
        authorities: [...c.discipline.authorities],
        sanctions: Object.entries(c.discipline.sanctions).map(([sanction, severity]) => ({ sanction, severity })),
        competence: Object.fromEntries(
          Object.entries(c.discipline.competence).map(([authority, severities]) => [authority, [...severities]]),
        ),
      },
      orderMeasureKinds: Object.entries(c.orderMeasures.kinds).map(([kind, k]) => ({ kind, authorities: [...k.authorities] })),
      deadlines: { ...c.deadlines },
      earlyWarning: { ...c.earlyWarning },
      erasure: { ...c.erasure },
    };
  }
}
