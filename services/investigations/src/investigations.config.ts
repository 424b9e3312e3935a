import { ActionKind } from './domain/investigation.events';
import { DEFAULT_AUTHORISATION_RULES, GENT_ROUTING } from './domain/investigation.decide';
import { RoutingConfig } from './domain/investigation.state';

/** A team's name as the identity provider has it: without the "Team " some sources put before it. */
export function teamKey(team: string): string {
  return team.replace(/^team\s+/i, '').trim();
}

/**
 * Zone configuration of the investigations service (F12: routing is data). A zone overrides any part
 * with `INVESTIGATIONS_CONFIG_JSON` (same shape, partial) and the restricted teams alone with
 * `INVESTIGATIONS_RESTRICTED_TEAMS` (a JSON list or a comma-separated list).
 */
export interface InvestigationsConfig {
  /** The teams that may hold an investigation, as the identity provider names them. */
  teams: string[];
  /** Phenomenon code → team. */
  routes: Record<string, string>;
  /** A report's incident type (as the reports service codes it) → phenomenon code; unmapped types are taken as the phenomenon. */
  incidentTypePhenomena: Record<string, string>;
  /**
   * Where a referred report goes when its phenomenon has no route: a team lead there reroutes it. Empty:
   * no such team, a referral of an unrouted phenomenon is refused and parked until the zone routes it
   * (then the IT desk replays it, `POST /api/investigations/ops/parked-messages/:id/replay`).
   */
  unroutedTeam: string;
  /** Teams whose cases only their members and assignees see (the chief by break-glass). */
  restrictedTeams: string[];
  /** Actions that need their own authorisation reference besides the directing authority (R-INV-1). */
  requiresAuthorisation: ActionKind[];
}

const GENT_TEAMS = [...new Set(Object.values(GENT_ROUTING.routes).map(teamKey))];

export const DEFAULT_INVESTIGATIONS_CONFIG: InvestigationsConfig = {
  teams: [...GENT_TEAMS, 'Criminele Informatie', 'Informantenwerking', 'GO', 'TST', 'OBN', 'LRD'],
  routes: {
    ...Object.fromEntries(Object.entries(GENT_ROUTING.routes).map(([phenomenon, team]) => [phenomenon, teamKey(team)])),
    // The reports service's incident types that are phenomena of their own.
    fietsdiefstal: 'Diefstallen',
    diefstal: 'Diefstallen',
    zeden: 'Zeden',
    geweld: 'Geweld',
    informantenwerking: 'Informantenwerking',
  },
  incidentTypePhenomena: {
    'slagen en verwondingen': 'slagen_en_verwondingen',
    'diefstal met geweld': 'gewapende_overval',
    inbraak: 'woninginbraak',
    'inbraak in woning': 'woninginbraak',
    'diefstal uit auto': 'autokraak',
    verkrachting: 'verkrachting',
    'aanranding van de eerbaarheid': 'aanranding',
    drugs: 'drugs',
  },
  unroutedTeam: 'LRD',
  restrictedTeams: ['Zeden', 'COPPRA', 'Informantenwerking', 'Criminele Informatie'],
  requiresAuthorisation: DEFAULT_AUTHORISATION_RULES.requiresAuthorisation,
};

function parseJson<T>(name: string, raw: string): T {
  try {
    return JSON.parse(raw) as T;
  } catch (e) {
    throw new Error(`${name} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function investigationsConfigFromEnv(raw = process.env.INVESTIGATIONS_CONFIG_JSON, restricted = process.env.INVESTIGATIONS_RESTRICTED_TEAMS): InvestigationsConfig {
  const config = { ...DEFAULT_INVESTIGATIONS_CONFIG, ...(raw ? parseJson<Partial<InvestigationsConfig>>('INVESTIGATIONS_CONFIG_JSON', raw) : {}) };
  if (restricted) {
    const list = restricted.trim().startsWith('[') ? parseJson<string[]>('INVESTIGATIONS_RESTRICTED_TEAMS', restricted) : restricted.split(',');
    config.restrictedTeams = list.map((t) => t.trim()).filter((t) => t !== '');
  }
  return {
    ...config,
    teams: config.teams.map(teamKey),
    routes: Object.fromEntries(Object.entries(config.routes).map(([p, t]) => [p, teamKey(t)])),
    restrictedTeams: config.restrictedTeams.map(teamKey),
  };
}

/** The domain's view of the configuration. */
export function routingOf(config: InvestigationsConfig): RoutingConfig {
  return { routes: config.routes, restrictedTeams: config.restrictedTeams };
}

/** A table's own entry (never one inherited from Object.prototype, such as `constructor` or `__proto__`). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The team the zone routes a phenomenon to, if any. */
export function routeOf(config: InvestigationsConfig, phenomenon: string): string | undefined {
  return own(config.routes, phenomenon);
}

/** The phenomenon a report's incident type stands for: the configured one, else the type itself in code form. */
export function phenomenonOf(config: InvestigationsConfig, incidentType: string): string {
  const key = incidentType.trim().toLowerCase();
  return own(config.incidentTypePhenomena, key) ?? key.replace(/\s+/g, '_');
}

export const INVESTIGATIONS_CONFIG = Symbol('INVESTIGATIONS_CONFIG');
