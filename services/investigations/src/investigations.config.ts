import { ActionKind } from './domain/investigation.events';
import { AuthorisationRules } from './domain/investigation.decide';
import { RoutingConfig } from './domain/investigation.state';

/**
 * CONFIGURATION, per zone (F12: routing must be data-driven). The Gent LRD teams of domain §1.2.1, keyed by
 * the phenomenon codes the zone uses. The restricted teams are [INF]: §3.3 asks for need-to-know, the sources
 * do not say which teams; radicalisation and sexual offences are the working assumption.
 */
export const GENT_ROUTING: RoutingConfig = {
  routes: {
    autokraak: 'Team Diefstallen',
    woninginbraak: 'Team Diefstallen',
    autodiefstal: 'Team Diefstallen',
    homejacking: 'Team Diefstallen',
    home_invasion: 'Team Diefstallen',
    metaaldiefstal: 'Team Diefstallen',
    drugs: 'Team Drugs',
    ecofin: 'Team Ecofin',
    faillissement: 'Team Ecofin',
    jongerencriminaliteit: 'Team Jongerencriminaliteit',
    steaming: 'Team Jongerencriminaliteit',
    gauwdiefstal: 'Team Gauwdiefstallen',
    georganiseerde_winkeldiefstal: 'Team Gauwdiefstallen',
    mensenhandel: 'Team Meprosch',
    prostitutie: 'Team Meprosch',
    schijnrelatie: 'Team Meprosch',
    gewapende_overval: 'Team Geweld',
    slagen_en_verwondingen: 'Team Geweld',
    moord_doodslag: 'Team Geweld',
    verdwijning: 'Team Verdwijningen',
    ouderlijke_ontvoering: 'Team Verdwijningen',
    verkrachting: 'Team Zeden',
    aanranding: 'Team Zeden',
    exhibitionisme: 'Team Zeden',
    cam: 'Team Zeden',
    brandstichting: 'Team Bijzondere Crim',
    valsheid_in_geschriften: 'Team Bijzondere Crim',
    belaging: 'Team Bijzondere Crim',
    oplichting: 'Team Bijzondere Crim',
    misbruik_van_vertrouwen: 'Team Bijzondere Crim',
    namaak: 'Team Bijzondere Crim',
    kunstcriminaliteit: 'Team Bijzondere Crim',
    burgerlijke_partijstelling: 'Team Bijzondere Crim',
    vuurwapens: 'Team Bijzondere Crim',
    radicalisering: 'Team COPPRA',
    cybercrime: 'LCCU',
    vermogensontneming: 'Team PLUK',
  },
  restrictedTeams: ['Team COPPRA', 'Team Zeden'],
};

/**
 * [INF] TO BE CONFIRMED with the parket: the sources say nothing about warrants. Working assumption from
 * Belgian criminal procedure: a house search, an observation, a telephony and a bank enquiry each need a
 * magistrate's order; an arrest and bringing before the magistrate rest on the directing authority alone.
 */
export const DEFAULT_AUTHORISATION_RULES: AuthorisationRules = {
  requiresAuthorisation: ['house_search', 'observation', 'telephony_enquiry', 'bank_enquiry'],
};

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

export function investigationsConfigFromEnv(
  raw = process.env.INVESTIGATIONS_CONFIG_JSON,
  restricted = process.env.INVESTIGATIONS_RESTRICTED_TEAMS,
): InvestigationsConfig {
  const config = {
    ...DEFAULT_INVESTIGATIONS_CONFIG,
    ...(raw ? parseJson<Partial<InvestigationsConfig>>('INVESTIGATIONS_CONFIG_JSON', raw) : {}),
  };
  if (restricted) {
    const list = restricted.trim().startsWith('[')
      ? parseJson<string[]>('INVESTIGATIONS_RESTRICTED_TEAMS', restricted)
      : restricted.split(',');
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
