import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportsComponents } from '@police/api-client';
import { pvsNl } from './i18n/nl';

type Schemas = ReportsComponents['schemas'];
type Codes = (typeof pvsNl)['codes'];
/** The code groups this feature owns, each with a word in both of its catalogues. */
export type PvCodeGroup = keyof Codes;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The catalogues name every code of the API's enums, and no other: a code the API adds fails the type-check here.
export const pvCodesCoverTheApi: [
  Same<keyof Codes['destination'], Schemas['PvDestination']>,
  Same<keyof Codes['stage'], Schemas['PvQueueStage']>,
  Same<keyof Codes['step'], Schemas['PvStep']>,
  Same<keyof Codes['field'], keyof Schemas['PvContent']>,
] = [true, true, true, true];

/** The codes of a group, in catalogue order: the options of a select. */
export function pvCodesOf<G extends PvCodeGroup>(group: G): (keyof Codes[G] & string)[] {
  return Object.keys(pvsNl.codes[group]) as (keyof Codes[G] & string)[];
}

/** `label('stage', 'ang_feed')` → "Doorgifte aan de ANG"; an unknown code (a newer server) shows as itself. */
export function usePvLabel(): (group: PvCodeGroup, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback((group, code) => (code ? t(`pvs.codes.${group}.${code}` as never, { defaultValue: code }) : ''), [t]);
}
