import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionKind, Authority, ClosingOutcome, InvestigationKind, OriginKind, PartyRole } from '../api/investigations.api';
import { investigationsNl } from '../i18n/nl';

type Codes = (typeof investigationsNl)['codes'];
/** A group of codes of the investigations API, each with a word in both catalogues. */
export type InvestigationCodeGroup = keyof Codes;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The feature's catalogues name every code of the API's enums, and no other: a code the API adds fails the type-check here.
export const codesCoverTheApi: [
  Same<keyof Codes['investigationKind'], InvestigationKind>,
  Same<keyof Codes['originKind'], OriginKind>,
  Same<keyof Codes['authority'], Authority>,
  Same<keyof Codes['partyRole'], PartyRole>,
  Same<keyof Codes['actionKind'], ActionKind>,
  Same<keyof Codes['closingOutcome'], ClosingOutcome>,
] = [true, true, true, true, true, true];

/** The codes of a group, in catalogue order: the options of a select. */
export function investigationCodes<G extends InvestigationCodeGroup>(group: G): (keyof Codes[G] & string)[] {
  return Object.keys(investigationsNl.codes[group]) as (keyof Codes[G] & string)[];
}

/**
 * A code of the investigations API as a word in the current language; a code without one (a newer
 * server, a zone's own phenomenon) shows as itself, underscores as spaces.
 */
export function useInvestigationLabel(): (group: InvestigationCodeGroup, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback(
    (group, code) => (code ? t(`investigations.codes.${group}.${code}` as never, { defaultValue: code.replaceAll('_', ' ') }) : ''),
    [t],
  );
}
