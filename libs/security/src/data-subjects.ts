import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Optional, problem } from '@police/platform';
import type { ResourceType } from './access-policy';

// Data-subject requests (LED art. 14–17; Belgian law of 30 July 2018; ADR 0056): each service answers the DPO
// what it holds about a person, through its own HTTP API. The console puts the four answers together.

/** The four services that hold personal data. */
export type DataSubjectService = 'reports' | 'investigations' | 'evidence' | 'integrity';

/** How a record was found to be about the person. */
export type DataSubjectMatch = 'name' | 'personId' | 'partyId' | 'staffId';

/** Who the DPO looks for: at least one of these; a record matches on any of them. */
export class DataSubjectQuery {
  @ApiPropertyOptional({ description: 'Full name as recorded (case and spacing ignored)', example: 'Jan Peeters' })
  @Optional()
  @IsString()
  @Length(2, 200)
  name?: string;
  @ApiPropertyOptional({ description: 'Person reference of the person index (e.g. the national register number)' })
  @Optional()
  @IsString()
  @Length(1, 64)
  personId?: string;
  @ApiPropertyOptional({ description: "Party ids of the person in reports' records, comma-separated (up to 50)" })
  @Optional()
  @Matches(/^[\w.-]{1,64}(,[\w.-]{1,64}){0,49}$/, { message: 'partyIds is a comma-separated list of up to 50 party ids' })
  partyIds?: string;
  @ApiPropertyOptional({ description: 'Staff id, when the person is a member of staff' })
  @Optional()
  @IsString()
  @Length(1, 64)
  staffId?: string;
}

/** Why a record is disclosed to the requester or withheld from them. */
export type DisclosureCode =
  | 'named_in_statement'
  | 'suspect_under_investigation'
  | 'linked_to_case'
  | 'restricted_investigation'
  | 'open_case_suspect'
  | 'declarant'
  | 'owner'
  | 'complainant'
  | 'sealed_about_requester';

/** Whether the record goes into the requester's report, and on what ground. */
export interface DataSubjectDisclosure {
  disclose: boolean;
  /** The ground as a code, for screens in the reader's language. */
  code: DisclosureCode;
  /** Why, in words the DPO can repeat. */
  reason: string;
  /** LED art. 14 (disclosed) or the ground of the restriction of access (withheld: art. 15, and 17 for indirect access). */
  legalBasis: string;
}

/** One record that mentions the person, as the DPO sees it. */
export interface DataSubjectRecord {
  service: DataSubjectService;
  type: ResourceType;
  id: string;
  /** What the record is, in a few words ("Report: theft, received 2026-12-01"). */
  title: string;
  /** Its case reference (PV number, notitienummer), when it has one. */
  reference: string | null;
  recordedAt: string;
  /** How the person appears in it (reporter, victim, suspect, complainant, staff concerned, owner, …). */
  roles: string[];
  matchedOn: DataSubjectMatch[];
  /** What is held about the person: each field as it is stored (the marker where it was erased). */
  held: { field: string; value: string }[];
  /** Why the record is processed. */
  purpose: string;
  /** Ids other services know the person by (a report's party ids: evidence refers to them). */
  subjectRefs: string[];
  disclosure: DataSubjectDisclosure;
  /** Set while the DPO restricts its processing (ADR 0056). */
  processingRestricted: { at: string; by: string; decision: string } | null;
  /** `erased on <date> under <decision>` where the data was destroyed. */
  erased: string | null;
}

/** One service's answer. */
export interface DataSubjectAnswer {
  service: DataSubjectService;
  records: DataSubjectRecord[];
}

/** Disclosed: the person's right of access (LED art. 14). */
export const DISCLOSED = 'LED art. 14 (right of access); Belgian law of 30 July 2018, title 2';

/** Withheld: access restricted to protect an inquiry or the rights of others; for the supervisory authority. */
export const WITHHELD =
  'LED art. 15(1)(a)(b)(e) (restriction of access) and art. 17 (indirect access through the supervisory authority, the COC); Belgian law of 30 July 2018, title 2';

/** What the DPO asked, checked: at least one criterion; the name normalised, the party ids split. */
export interface DataSubjectCriteria {
  name?: string;
  personId?: string;
  partyIds: string[];
  staffId?: string;
}

/** The query as criteria, or 422 naming `name` when none is given. */
export function dataSubjectCriteria(q: DataSubjectQuery): DataSubjectCriteria {
  const name = q.name === undefined ? undefined : normalizeName(q.name);
  const partyIds = q.partyIds ? [...new Set(q.partyIds.split(','))] : [];
  if (!name && !q.personId && partyIds.length === 0 && !q.staffId)
    throw problem(422, 'required', 'Name the person: name, personId, partyIds or staffId.', 'name');
  return { ...(name && { name }), ...(q.personId && { personId: q.personId }), partyIds, ...(q.staffId && { staffId: q.staffId }) };
}

/**
 * The letters with a diacritic that names are compared without (Latin-1 and Latin Extended-A: é, ë, ç, ñ, ø, ł, …),
 * each with its base letter in lower case: `Hélène Dupré` is `helene dupre`, as a clerk without the accents on
 * the keyboard records her. One table for both sides, so that the SQL and the service compare alike, whatever
 * the database's locale (`lower` of `É` or `Æ` depends on it; the table maps upper case too).
 */
const FOLDED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const extra: Record<string, string> = { ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ħ: 'h', Ħ: 'h', ı: 'i' };
  for (let code = 0xc0; code <= 0x17f; code++) {
    const c = String.fromCharCode(code);
    const base = extra[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (base !== c && base.length === 1) map.set(c, base);
  }
  return map;
})();
const FOLD_FROM = [...FOLDED.keys()].join('');
const FOLD_TO = [...FOLDED.values()].join('');

/** A name as names are compared: lower case, without diacritics, trimmed, inner spaces collapsed. */
export function normalizeName(name: string): string {
  return [...name.trim().replace(/\s+/g, ' ').toLowerCase()].map((c) => FOLDED.get(c) ?? c).join('');
}

/** The same normalisation in SQL, over an expression that yields text. */
export function normalizedNameSql(expression: string): string {
  return `translate(btrim(regexp_replace(lower(${expression}), '\\s+', ' ', 'g')), '${FOLD_FROM}', '${FOLD_TO}')`;
}

/** Whether a recorded name is the person's. */
export function sameName(criteria: DataSubjectCriteria, name: string | undefined | null): boolean {
  return !!criteria.name && !!name && normalizeName(name) === criteria.name;
}

/** The DPO's decision to restrict a record's processing, or to lift the restriction (ADR 0056). */
export class ProcessingRestrictionRequest {
  @ApiProperty({ description: "The DPO's decision it executes (e.g. the data-subject request)", example: 'DSR 2026/014' })
  @IsString()
  @Length(1, 200)
  decision: string;
  @ApiProperty({
    description: 'The ground, in words the DPO can repeat',
    example: 'The requester contests the accuracy of the statement (LED art. 16 §3 a)',
  })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

/** A record's erasure as the DPO's route answers it (ADR 0065). */
export interface ErasureAnswer {
  id: string;
  version: number;
  erased: { at: string; decision: string };
}

/** A record's restriction of processing as the DPO's routes answer it. */
export interface ProcessingRestrictionAnswer {
  id: string;
  version: number;
  processingRestricted: { at: string; by: string; decision: string } | null;
}
