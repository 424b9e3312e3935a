import { DisciplineConfig, Organisation, Relationships } from './domain/complaint.decide';
import { DeadlineLimits, EarlyWarningPolicy } from './domain/complaint.state';
import { ErasurePolicy } from './domain/disciplinary-file.state';
import { OrderMeasureConfig } from './domain/order-measure.decide';

/** Erasure of sanctions: days from the decision per severity (ErasurePolicy). TO BE CONFIRMED BY A LAWYER. */
export const DEFAULT_ERASURE_POLICY: ErasurePolicy = { light: 548, heavy: 1461 };

/** Order measures and who may impose each (OrderMeasureConfig). TO BE CONFIRMED BY A LAWYER. */
export const DEFAULT_ORDER_MEASURE_CONFIG: OrderMeasureConfig = {
  kinds: {
    'schorsing bij ordemaatregel': { authorities: ['korpschef', 'burgemeester', 'minister'] },
    'schorsing bij ordemaatregel met inhouding van wedde': { authorities: ['burgemeester', 'minister'] },
  },
};

/**
 * TO BE CONFIRMED BY A LAWYER (the sources name light and heavy sanctions and the three authorities, 002:2112-2122,
 * but not the catalogue nor who may impose what: domain §5 [INF]). A working assumption only.
 */
export const DEFAULT_DISCIPLINE_CONFIG: DisciplineConfig = {
  authorities: ['korpschef', 'burgemeester', 'minister'],
  sanctions: {
    waarschuwing: 'light',
    blaam: 'light',
    'inhouding van wedde': 'heavy',
    schorsing: 'heavy',
    'terugzetting in weddeschaal': 'heavy',
    'ontslag van ambtswege': 'heavy',
    afzetting: 'heavy',
  },
  competence: {
    korpschef: ['light'],
    burgemeester: ['light', 'heavy'],
    minister: ['light', 'heavy'],
  },
};

/**
 * Configuration of the integrity service; a zone overrides any top-level key with `INTEGRITY_CONFIG_JSON`
 * (same shape, partial).
 *
 * - `organisation` and `relationships` feed the conflict-of-interest check: who is in which team and unit,
 *   with their name for the console's pickers (in production, an export of the HR organisation chart; the
 *   defaults are the demo users), and recorded
 *   relationships (family, partner, close friendship) between two staff members, in either order.
 * - `authorities`: the disciplinary authority a user acts as, by staff id, for users other than the chief
 *   (who acts as `korpschef` by role): the burgemeester or the minister when they use the system.
 * - `discipline`: the disciplinary authorities, the sanction catalogue and which authority may impose
 *   which severity. TO BE CONFIRMED BY A LAWYER: the sources name light and heavy sanctions and the three
 *   authorities (002:2112-2122) but neither the catalogue nor who may impose what (domain §5 [INF]).
 * - `deadlines`: days allowed per step (the sources give none: domain §1.4.2 [INF]); also to be confirmed;
 *   `dueSoonDays`: how many days before its due date a step shows as due soon.
 * - `earlyWarning`: how many complaints naming one staff member within how many days raise a signal for
 *   human review (it never decides anything).
 * - `orderMeasures`: the kinds of order measure (ordemaatregel) and, per kind, the authorities that may
 *   decide, extend or lift one. TO BE CONFIRMED BY A LAWYER (the sources only name the term, 002:2129-2131;
 *   "schorsing bij ordemaatregel" is domain §5.7 [INF]).
 * - `erasure`: days after the decision from which a sanction counts as erased (uitwissing), per severity;
 *   null: never. TO BE CONFIRMED BY A LAWYER (domain §5.7). Erased sanctions stay on the disciplinary file,
 *   marked as erased.
 */
export interface IntegrityConfig {
  registerPrefix: string;
  organisation: Organisation;
  relationships: Relationships;
  authorities: Record<string, string>;
  discipline: DisciplineConfig;
  deadlines: DeadlineLimits;
  earlyWarning: EarlyWarningPolicy;
  orderMeasures: OrderMeasureConfig;
  erasure: ErasurePolicy;
}

export const DEFAULT_INTEGRITY_CONFIG: IntegrityConfig = {
  registerPrefix: 'DIT',
  organisation: {
    '5415-0101': { name: 'An Peeters', teams: ['Onthaal'], unit: 'Interventie' },
    '5415-0110': { name: 'Wim De Backer', teams: ['GAK'], unit: 'GAK/DIAK' },
    '5415-0201': { name: 'Pieter Janssens', teams: ['Diefstallen'], unit: 'LRD' },
    '5415-0202': { name: 'Sofie Maes', teams: ['Drugs'], unit: 'LRD' },
    '5415-0203': { name: 'Lotte Willems', teams: ['Zeden'], unit: 'LRD' },
    '5415-0204': { name: 'Koen Claes', teams: ['Geweld'], unit: 'LRD' },
    '5415-0210': { name: 'Els Jacobs', teams: ['Diefstallen'], unit: 'LRD' },
    '5415-0301': { name: 'Marc Goossens', teams: ['POPP'], unit: 'Evidence desk/POPP' },
    '5415-0302': { name: 'Nathalie Wouters', teams: ['TST'], unit: 'LRD' },
    '5415-0401': { name: 'Bart De Smet', teams: ['BIT'], unit: 'DIT/BIT' },
    '5415-0402': { name: 'Hilde Mertens', teams: ['Tucht'], unit: 'DIT/Tucht' },
    '5415-0403': { name: 'Ines Dubois', teams: [], unit: 'DPO' },
    '5415-0001': { name: 'Filip Vermeulen', teams: [], unit: 'Korpsleiding' },
  },
  // Demo: bart.desmet (BIT) and koen.claes (Geweld) are brothers-in-law.
  relationships: [['5415-0401', '5415-0204']],
  authorities: {},
  discipline: DEFAULT_DISCIPLINE_CONFIG,
  deadlines: { forwardingDays: 5, triageDays: 14, investigationDays: 90, disciplinaryLimitationDays: 180, dueSoonDays: 3 },
  earlyWarning: { threshold: 3, windowDays: 365 },
  orderMeasures: DEFAULT_ORDER_MEASURE_CONFIG,
  erasure: DEFAULT_ERASURE_POLICY,
};

export function integrityConfigFromEnv(raw = process.env.INTEGRITY_CONFIG_JSON): IntegrityConfig {
  if (!raw) return DEFAULT_INTEGRITY_CONFIG;
  let parsed: Partial<IntegrityConfig>;
  try {
    parsed = JSON.parse(raw) as Partial<IntegrityConfig>;
  } catch (e) {
    throw new Error(`INTEGRITY_CONFIG_JSON is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ...DEFAULT_INTEGRITY_CONFIG, ...parsed };
}

export const INTEGRITY_CONFIG = Symbol('INTEGRITY_CONFIG');
