import type { Widen } from '@/lib/i18n/catalogue';
import type { dashboardNl } from './nl';

/** The chief's dashboard, in English (the same keys as the Dutch catalogue). */
export const dashboardEn: Widen<typeof dashboardNl> = {
  title: "The zone's work",
  intro:
    'The work of the zone in figures: counts only, no names or files. Complaints that concern you, or lie outside your compartments, are not counted.',
  loading: 'Loading figures…',
  updated: 'As of {{at}}',
  intake: {
    title: 'Reports per channel and week',
    summary_one: '{{count}} report in the last {{weeks}} weeks; the busiest week: {{top}} ({{topCount}}).',
    summary_other: '{{count}} reports in the last {{weeks}} weeks; the busiest week: {{top}} ({{topCount}}).',
    empty: 'No reports in these weeks.',
    week: 'Week',
    weekLabel: 'week {{week}}',
    total: 'Total',
  },
  pvs: {
    title: 'PVs at GAK/DIAK',
    summary_one: '{{count}} PV waits for the quality check.',
    summary_other: '{{count}} PVs wait for the quality check.',
    stage: 'Waiting for',
    count: 'Count',
    oldest: 'Oldest waiting since',
    stages: {
      quality_check: 'Quality check',
      correction: "The author's correction",
      finalisation: 'A number (finalisation)',
      transmission: 'Transmission',
      ang_feed: 'ANG feed',
      completed: 'Completed',
    },
  },
  cases: {
    title: 'Open cases per team and their age',
    summary_one: '{{count}} open case; {{old}} open 180 days or more.',
    summary_other: '{{count}} open cases; {{old}} have been open 180 days or more.',
    team: 'Team',
    open: 'Open',
    ages: { under30: '< 30 days', from30to89: '30–89 days', from90to179: '90–179 days', from180: '≥ 180 days' },
    noneOpen: 'Teams without an open case: {{teams}}.',
  },
  evidence: {
    title: 'Seized items out of storage',
    checkedOut: 'Checked out',
    overdue: 'Return overdue',
    oldest: 'Most overdue: expected back on {{at}}',
    none: 'Nothing overdue.',
  },
  complaints: {
    title: 'Complaints per phase and time limits',
    summary_one: '{{count}} complaint; {{overdue}} with a time limit passed.',
    summary_other: '{{count}} complaints; {{overdue}} with a time limit passed.',
    phase: 'Phase',
    count: 'Count',
    phases: { intake: 'Intake (not yet routed)', triaged: 'Under investigation', concluded: 'Decided', closed: 'Closed' },
    overdueTitle: 'Time limits passed per step',
    step: 'Step',
    steps: {
      forwarding_comite_p: 'Forwarding to Comité P',
      forwarding_aig: 'Forwarding to AIG',
      triage: 'Routing',
      investigation: 'Investigation',
      disciplinary_limitation: 'Disciplinary limitation period',
    },
  },
};
