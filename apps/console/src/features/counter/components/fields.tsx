import type { TFunction } from 'i18next';
import type { Party } from '../api/counter.api';

/** A check for a required text or choice, in the user's words. */
export const required = (t: TFunction) => (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? t('counter.form.required') : null;

/** Text as the API wants it: trimmed, and left out when empty. */
export const text = (v: string | null | undefined): string | undefined => (v && v.trim() !== '' ? v.trim() : undefined);

/** A party in words: its name when known, else its kind and id ("Labo fpl-ltwp"); an officer by staff id. */
export function partyName(p: Pick<Party, 'kind' | 'id' | 'name'>, t: TFunction): string {
  if (p.kind === 'officer') return p.name ?? p.id;
  return p.name ?? `${t(`counter.codes.partyKind.${p.kind}`)} ${p.id}`;
}
