import type { ParseKeys } from 'i18next';
import { ITEM_READER_ROLES, ITEM_REGISTER_ROLES } from '@/features/evidence';
import { DECISION_ROLES, HANDOVER_ROLES, INVENTORY_ROLES, OVERDUE_ROLES, STORAGE_ROLES } from '@/features/counter';
import { POPP_ROLES } from '@/features/found-objects';
import { DASHBOARD_ROLES } from '@/features/dashboard';
import { OPS_ROLES } from '@/features/ops';
import { CONSULTATION_LOG_ROLES, DATA_SUBJECT_ROLES } from '@/features/dpo';
import { RETENTION_ROLES } from '@/features/retention';
import { GAK_CAPABLE_ROLES, GAK_TEAMS } from '@/features/pvs';
import { COMPLAINT_DESK_ROLES, OVERSIGHT_ROLES, TUCHT_ROLES } from '@/features/integrity';
import { INVESTIGATION_READER_ROLES, INVESTIGATION_WRITER_ROLES } from '@/features/investigations';
import { DEADLINES_ROLES, REPORT_INTAKE_ROLES, REPORT_READER_ROLES, STATISTICS_ROLES } from '@/features/reports';
import { hasAnyRole, Role, SessionUser } from '@/lib/auth';

/** A link in the navigation: where it goes, its label, and who may use it. */
export interface NavItem {
  to: string;
  label: ParseKeys;
  roles: readonly Role[];
}

/** A section of the console for one kind of work; shown only to the roles (and teams) it serves. */
export interface NavSection {
  id: 'desk' | 'gak' | 'detectives' | 'evidence' | 'oversight' | 'operations';
  roles: readonly Role[];
  teams?: readonly string[];
  items: NavItem[];
}

/**
 * The console's sections. A feature adds its screens here (and its routes in app/router.tsx); a
 * section without screens yet is listed on the overview as coming, not in the navigation.
 */
export const SECTIONS: NavSection[] = [
  {
    id: 'desk',
    roles: ['front_desk'],
    items: [
      { to: '/reports/new', label: 'nav.items.reportsNew', roles: REPORT_INTAKE_ROLES },
      { to: '/reports/declarations/new', label: 'nav.items.reportsDeclaration', roles: REPORT_INTAKE_ROLES },
      { to: '/reports/deadlines', label: 'nav.items.reportsDeadlines', roles: DEADLINES_ROLES },
      { to: '/reports', label: 'nav.items.reports', roles: REPORT_READER_ROLES },
      { to: '/reports/statistics', label: 'nav.items.reportsStatistics', roles: STATISTICS_ROLES },
      // POPP: the front desk takes found objects in and returns them to their owners.
      { to: '/found-objects', label: 'nav.items.foundObjects', roles: POPP_ROLES },
    ],
  },
  // GAK/DIAK: the quality-control queue is its home.
  { id: 'gak', roles: ['front_desk'], teams: GAK_TEAMS, items: [{ to: '/pvs', label: 'nav.items.pvQueue', roles: GAK_CAPABLE_ROLES }] },
  {
    id: 'detectives',
    roles: ['detective', 'team_lead'],
    items: [
      { to: '/investigations', label: 'nav.items.casesMine', roles: INVESTIGATION_READER_ROLES },
      { to: '/investigations/team', label: 'nav.items.casesTeam', roles: INVESTIGATION_READER_ROLES },
      { to: '/investigations/new', label: 'nav.items.caseOpen', roles: INVESTIGATION_WRITER_ROLES },
      { to: '/evidence', label: 'nav.items.evidenceItems', roles: ITEM_READER_ROLES },
      { to: '/reports', label: 'nav.items.reports', roles: REPORT_READER_ROLES },
      { to: '/reports/new', label: 'nav.items.reportsNew', roles: REPORT_INTAKE_ROLES },
      { to: '/reports/deadlines', label: 'nav.items.reportsDeadlines', roles: DEADLINES_ROLES },
      { to: '/reports/statistics', label: 'nav.items.reportsStatistics', roles: STATISTICS_ROLES },
      { to: '/evidence/handovers', label: 'nav.items.evidenceHandovers', roles: HANDOVER_ROLES },
    ],
  },
  {
    id: 'evidence',
    roles: ['evidence_officer', 'lab_liaison'],
    items: [
      { to: '/evidence', label: 'nav.items.evidenceItems', roles: ITEM_READER_ROLES },
      { to: '/evidence/scan', label: 'nav.items.evidenceScan', roles: ITEM_READER_ROLES },
      { to: '/evidence/new', label: 'nav.items.evidenceRegister', roles: ITEM_REGISTER_ROLES },
      { to: '/evidence/handovers', label: 'nav.items.evidenceHandovers', roles: HANDOVER_ROLES },
      { to: '/evidence/storage', label: 'nav.items.evidenceStorage', roles: STORAGE_ROLES },
      { to: '/evidence/storage/overdue', label: 'nav.items.evidenceOverdue', roles: OVERDUE_ROLES },
      { to: '/evidence/inventory', label: 'nav.items.evidenceInventory', roles: INVENTORY_ROLES },
      { to: '/evidence/lab', label: 'nav.items.evidenceLab', roles: ITEM_READER_ROLES },
      { to: '/evidence/disposals', label: 'nav.items.evidenceDisposals', roles: DECISION_ROLES },
      { to: '/found-objects', label: 'nav.items.foundObjects', roles: POPP_ROLES },
    ],
  },
  {
    id: 'oversight',
    roles: ['integrity_investigator', 'discipline_officer', 'dpo', 'chief'],
    // Intern Toezicht and Tucht each see their own compartment; the chief reads reports (break-glass outside an assignment) and their statistics.
    items: [
      { to: '/integrity', label: 'nav.items.integrityComplaints', roles: OVERSIGHT_ROLES },
      { to: '/integrity/complaints/new', label: 'nav.items.integrityNew', roles: COMPLAINT_DESK_ROLES },
      { to: '/integrity/early-warnings', label: 'nav.items.integrityEarlyWarning', roles: OVERSIGHT_ROLES },
      { to: '/integrity/order-measures', label: 'nav.items.tuchtMeasures', roles: TUCHT_ROLES },
      { to: '/integrity/threat-files', label: 'nav.items.tuchtThreats', roles: TUCHT_ROLES },
      { to: '/integrity/staff', label: 'nav.items.tuchtStaffFile', roles: TUCHT_ROLES },
      { to: '/dashboard', label: 'nav.items.dashboard', roles: DASHBOARD_ROLES },
      { to: '/dpo/consultations', label: 'nav.items.consultationLog', roles: CONSULTATION_LOG_ROLES },
      { to: '/retention', label: 'nav.items.retention', roles: RETENTION_ROLES },
      { to: '/dpo/data-subjects', label: 'nav.items.dataSubjects', roles: DATA_SUBJECT_ROLES },
      { to: '/reports', label: 'nav.items.reports', roles: ['chief'] },
      { to: '/reports/statistics', label: 'nav.items.reportsStatistics', roles: ['chief'] },
    ],
  },
  // The IT desk: messages a service could not take, projections and their lag. Nobody else, the chief neither.
  { id: 'operations', roles: OPS_ROLES, items: [{ to: '/ops', label: 'nav.items.operations', roles: OPS_ROLES }] },
];

/** The sections this user works in, each with the items their roles open. */
export function sectionsFor(user: SessionUser): NavSection[] {
  return SECTIONS.filter((s) => hasAnyRole(user, s.roles) && (!s.teams || user.teams.some((t) => s.teams!.includes(t)))).map((s) => ({
    ...s,
    items: s.items.filter((i) => hasAnyRole(user, i.roles)),
  }));
}
