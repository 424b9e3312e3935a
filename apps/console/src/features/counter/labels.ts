import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckOutPurpose, DecisionAuthority, Disposition, HandoverMethod, HandoverPurpose, PartyKind } from './api/counter.api';
import { counterNl } from './i18n/nl';

type Codes = (typeof counterNl)['codes'];
/** A group of codes of the evidence API this feature shows, each with a word in both catalogues. */
export type CounterCodeGroup = keyof Codes;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The feature's catalogues name every code of the API's enums, and no other: a code the API adds fails the type-check here.
export const codesCoverTheApi: [
  Same<keyof Codes['partyKind'], PartyKind>,
  Same<keyof Codes['handoverPurpose'], HandoverPurpose>,
  Same<keyof Codes['handoverMethod'], HandoverMethod>,
  Same<keyof Codes['checkOutPurpose'], CheckOutPurpose>,
  Same<keyof Codes['authority'], DecisionAuthority>,
  Same<keyof Codes['disposition'], Disposition>,
] = [true, true, true, true, true, true];

/** The codes of a group, in catalogue order: the options of a select. */
export function counterCodes<G extends CounterCodeGroup>(group: G): (keyof Codes[G] & string)[] {
  return Object.keys(counterNl.codes[group]) as (keyof Codes[G] & string)[];
}

/** A code of the evidence API as a word in the current language; an unknown one shows as itself. */
export function useCounterLabel(): (group: CounterCodeGroup, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback(
    (group, code) => (code ? t(`counter.codes.${group}.${code}` as never, { defaultValue: code.replaceAll('_', ' ') }) : ''),
    [t],
  );
}
