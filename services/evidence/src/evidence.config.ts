import { DisposalWitnessRules } from './domain/item.decide';
import { HoldingPeriods } from './domain/found-object.state';

/**
 * TO BE CONFIRMED BY A LAWYER (domain §5.6 and open question 8: the sources give no period). Placeholder:
 * six months for every category, the period after which, by press accounts of the 2021 reform of the
 * Civil Code, a municipality may use, donate, sell or destroy unclaimed goods; the owner's own claim reportedly
 * runs longer. Also to settle: special handling of identity documents, bank cards, cash and bicycles.
 */
export const DEFAULT_HOLDING_PERIODS: HoldingPeriods = {
  identity_document: 183,
  bank_card: 183,
  keys: 183,
  wallet: 183,
  phone: 183,
  bicycle: 183,
  jewellery: 183,
  cash: 183,
  bag: 183,
  clothing: 183,
  electronics: 183,
  other: 183,
};

/**
 * TO BE CONFIRMED with the parket and the zone's evidence desk (domain §5.6 is [INF]: the sources say
 * nothing about witnesses). A working assumption only: destroying drugs, weapons or cash takes one witness.
 */
export const DEFAULT_DISPOSAL_WITNESS_RULES: DisposalWitnessRules = {
  destruction: { drugs: 1, weapon: 1, cash: 1 },
  return_to_owner: {},
  confiscation: {},
  transfer_to_court_registry: {},
};

/** A place or organisation the evidence desk or a lab liaison may act for. */
export interface NamedParty {
  id: string;
  name: string;
}

/**
 * Zone configuration of the evidence service. Defaults are working assumptions marked in the domain
 * as to be confirmed; a zone overrides them with `EVIDENCE_CONFIG_JSON` (same shape, partial).
 */
export interface EvidenceConfig {
  /** The zone's name as its documents (custody certificates) carry it. */
  zoneName: string;
  /** Prefix of label numbers: `<prefix>-<year>-<sequence>`. */
  labelPrefix: string;
  witnessRules: DisposalWitnessRules;
  holdingPeriods: HoldingPeriods;
  /** Teams whose cases are restricted (no access by function; break-glass for few). */
  restrictedTeams: string[];
  /** Storage rooms the evidence desk acts for. */
  storageRooms: NamedParty[];
  /** Laboratories a lab liaison acts for. */
  laboratories: NamedParty[];
}

export const DEFAULT_EVIDENCE_CONFIG: EvidenceConfig = {
  // The zone of the demo staff ids (5415, domain.md 002:165-175); a zone sets its own.
  zoneName: 'Politiezone Gent',
  labelPrefix: 'EV',
  witnessRules: DEFAULT_DISPOSAL_WITNESS_RULES,
  holdingPeriods: DEFAULT_HOLDING_PERIODS,
  restrictedTeams: ['Zeden', 'COPPRA', 'Informantenwerking', 'Criminele Informatie'],
  storageRooms: [{ id: 'bewaarplaats-apg', name: 'Bewaarplaats overtuigingsstukken APG' }],
  laboratories: [{ id: 'fpl-ltwp', name: 'Forensic Police Lab (LTWP)' }],
};

export function evidenceConfigFromEnv(raw = process.env.EVIDENCE_CONFIG_JSON): EvidenceConfig {
  if (!raw) return DEFAULT_EVIDENCE_CONFIG;
  let parsed: Partial<EvidenceConfig>;
  try {
    parsed = JSON.parse(raw) as Partial<EvidenceConfig>;
  } catch (e) {
    throw new Error(`EVIDENCE_CONFIG_JSON is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ...DEFAULT_EVIDENCE_CONFIG, ...parsed };
}

export const EVIDENCE_CONFIG = Symbol('EVIDENCE_CONFIG');
