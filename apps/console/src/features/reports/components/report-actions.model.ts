import { hasAnyRole, SessionUser } from '@/lib/auth';
import { REPORT_INTAKE_ROLES } from '../access';
import type { OpenReport, ReportKind } from '../api/reports.types';

export type ReportAction = 'amend' | 'assign' | 'refer' | 'victimSupport' | 'investigation';

/** Why an action is not offered now: the words are the screen's, the rule the service's. */
export type Unavailable =
  | { why: 'readOnly' }
  | { why: 'notInvestigable'; kind: ReportKind }
  | { why: 'alreadyRequested'; at: string }
  | { why: 'missing'; fields: ('incidentType' | 'timeWindow' | 'place')[] }
  | { why: 'noVictim' }
  | { why: 'allOffered' };

export type Availability = { ok: true } | ({ ok: false } & Unavailable);

/** The kinds the service refers for investigation (its INVESTIGABLE_KINDS). */
const INVESTIGABLE: readonly ReportKind[] = ['aangifte', 'klacht', 'melding'];

const ok: Availability = { ok: true };
const no = (u: Unavailable): Availability => ({ ok: false, ...u });

/** The victims on the report who were not yet offered support. */
export function victimsToOffer(report: OpenReport) {
  return report.parties.filter((p) => p.roles.includes('victim') && !report.victimSupportOffered.includes(p.partyId));
}

/**
 * What the user may do with an open report now, and why not otherwise: the roles the routes allow
 * (`@Allow`), and the report's state as the service's deciders check it. The service decides in the
 * end (need-to-know, a change meanwhile); its refusal is shown when it comes.
 */
export function reportActions(report: OpenReport, user: SessionUser): Record<ReportAction, Availability> {
  const handles = hasAnyRole(user, REPORT_INTAKE_ROLES);
  const readOnly = no({ why: 'readOnly' });
  const missing = (['incidentType', 'timeWindow', 'place'] as const).filter((f) => report[f] === undefined);
  const victims = report.parties.filter((p) => p.roles.includes('victim'));
  return {
    amend: handles ? ok : readOnly,
    assign: handles ? ok : readOnly,
    refer: handles ? ok : readOnly,
    victimSupport: !handles
      ? readOnly
      : victims.length === 0
        ? no({ why: 'noVictim' })
        : victimsToOffer(report).length === 0
          ? no({ why: 'allOffered' })
          : ok,
    investigation: !handles
      ? readOnly
      : !INVESTIGABLE.includes(report.kind)
        ? no({ why: 'notInvestigable', kind: report.kind })
        : report.investigationRequestedAt !== null
          ? no({ why: 'alreadyRequested', at: report.investigationRequestedAt })
          : missing.length > 0
            ? no({ why: 'missing', fields: missing })
            : ok,
  };
}
