import { OfficeAppointmentRules } from './domain/report.decide';
import { TimeLimits } from './domain/deadlines.query';

/**
 * PLACEHOLDER, TO BE REPLACED by the zone's configuration: the sources do not give the PV number format
 * (domain §1.1.3 and §5 are [INF]). This only asks for a non-blank token of letters, digits and `. / -`.
 */
export const DEFAULT_PV_NUMBER_PATTERN = '^[A-Za-z0-9][A-Za-z0-9./-]*$';

/** A desk where reports are taken in, and whether it takes walk-ins or works by appointment only (R-REP-2). */
export interface Office {
  id: string;
  name: string;
  walkIn: boolean;
}

/** A service the meldpunt or desk may assign a report to, and the teams that then see it. */
export interface CompetentService {
  id: string;
  name: string;
  /** Team names (as in tokens) that see reports assigned to this service; default: the service id itself. */
  teams?: string[];
}

/**
 * Zone configuration of the reports service. Defaults are Gent's, as far as docs/domain.md §1.1 gives them;
 * those marked there as inference are working assumptions, to be confirmed by the zone. Override with
 * `REPORTS_CONFIG_JSON` (same shape, partial) and the single-value variables below.
 */
export interface ReportsConfig {
  offices: Office[];
  services: CompetentService[];
  /** Regex source a PV number must match. Not the national format (unknown to us): the zone sets it. */
  pvNumberPattern: string;
  /** A PV number that matches the pattern, shown to GAK beside the field as the expected format (none: the pattern is shown). */
  pvNumberExample: string | null;
  /** Teams whose members act as GAK/DIAK: quality control, finalisation, the ANG feed. */
  gakTeams: string[];
  /** Where a report not assigned to a service is referred for investigation. */
  defaultCompetentService: string;
  /** The zone's time zone: statistics count by its calendar week. */
  timeZone: string;
  /** How many days each step of the desk's work may wait before it is overdue (the deadlines view). */
  timeLimits: TimeLimits;
}

export const DEFAULT_REPORTS_CONFIG: ReportsConfig = {
  // Gent: aangiften and klachten at the APG and the commissariaten only by appointment (002:5507-5513).
  // The list of commissariaten is a placeholder, to be confirmed.
  offices: [
    { id: 'apg', name: 'Algemeen Politiecentrum Gent (APG)', walkIn: false },
    { id: 'commissariaat-centrum', name: 'Commissariaat Centrum', walkIn: false },
    { id: 'commissariaat-noord', name: 'Commissariaat Noord', walkIn: false },
    { id: 'commissariaat-zuid', name: 'Commissariaat Zuid', walkIn: false },
  ],
  services: [
    { id: 'LRD', name: 'Lokale Recherchedienst', teams: [] },
    { id: 'Diefstallen', name: 'LRD Diefstallen' },
    { id: 'Drugs', name: 'LRD Drugs' },
    { id: 'Zeden', name: 'LRD Zeden' },
    { id: 'Geweld', name: 'LRD Geweld' },
    { id: 'Interventie', name: 'Interventiedienst', teams: [] },
    { id: 'Wijkdienst', name: 'Wijkdienst', teams: [] },
    { id: 'Verkeer', name: 'Verkeersdienst', teams: [] },
  ],
  pvNumberPattern: DEFAULT_PV_NUMBER_PATTERN,
  // Shaped like the numbers of the tests and demos; a zone that sets its pattern sets its example.
  pvNumberExample: 'GE.55.L5.000123/2026',
  gakTeams: ['GAK'],
  defaultCompetentService: 'LRD',
  timeZone: 'Europe/Brussels',
  // Not in the documents (docs/domain.md §0.3: they give no deadlines): working assumptions, to be confirmed by the zone.
  timeLimits: { pvDraftDays: 3, qualityCheckDays: 2, transmissionDays: 5 },
};

function json<T>(name: string, raw: string): T {
  try {
    return JSON.parse(raw) as T;
  } catch (e) {
    throw new Error(`${name} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function reportsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ReportsConfig {
  const fromJson = env.REPORTS_CONFIG_JSON ? json<Partial<ReportsConfig>>('REPORTS_CONFIG_JSON', env.REPORTS_CONFIG_JSON) : {};
  const config: ReportsConfig = { ...DEFAULT_REPORTS_CONFIG, ...fromJson };
  const given = (key: 'pvNumberPattern' | 'pvNumberExample', variable: string) => Boolean(env[variable]) || key in fromJson;
  if (env.REPORTS_GAK_TEAMS) config.gakTeams = json<string[]>('REPORTS_GAK_TEAMS', env.REPORTS_GAK_TEAMS);
  if (env.REPORTS_DEFAULT_COMPETENT_SERVICE) config.defaultCompetentService = env.REPORTS_DEFAULT_COMPETENT_SERVICE;
  if (env.REPORTS_PV_NUMBER_PATTERN) config.pvNumberPattern = env.REPORTS_PV_NUMBER_PATTERN;
  if (env.REPORTS_PV_NUMBER_EXAMPLE) config.pvNumberExample = env.REPORTS_PV_NUMBER_EXAMPLE;
  if (!Array.isArray(config.gakTeams) || config.gakTeams.some((t) => typeof t !== 'string'))
    throw new Error('REPORTS_GAK_TEAMS must be a JSON array of team names');
  config.timeLimits = { ...DEFAULT_REPORTS_CONFIG.timeLimits, ...config.timeLimits };
  for (const [step, days] of Object.entries(config.timeLimits)) {
    if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0)
      throw new Error(`timeLimits.${step} must be a positive number of days`);
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(config.pvNumberPattern);
  } catch {
    throw new Error(`The PV number pattern is not a valid regular expression: ${config.pvNumberPattern}`);
  }
  // The default example illustrates the default pattern only.
  if (given('pvNumberPattern', 'REPORTS_PV_NUMBER_PATTERN') && !given('pvNumberExample', 'REPORTS_PV_NUMBER_EXAMPLE'))
    config.pvNumberExample = null;
  if (config.pvNumberExample !== null && (typeof config.pvNumberExample !== 'string' || !pattern.test(config.pvNumberExample))) {
    throw new Error(
      `The PV number example ${JSON.stringify(config.pvNumberExample)} does not match the PV number pattern ${config.pvNumberPattern}: set REPORTS_PV_NUMBER_EXAMPLE with the pattern`,
    );
  }
  return config;
}

/** The offices' appointment rules, as the domain takes them. */
export function officeRules(config: ReportsConfig): OfficeAppointmentRules {
  return Object.fromEntries(config.offices.map((o) => [o.id, { walkIn: o.walkIn }]));
}

/** The teams that see a report assigned to this service. */
export function teamsOfService(config: ReportsConfig, serviceId: string | null): string[] {
  if (serviceId === null) return [];
  return config.services.find((s) => s.id === serviceId)?.teams ?? [serviceId];
}

export const REPORTS_CONFIG = Symbol('REPORTS_CONFIG');
