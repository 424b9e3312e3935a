import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoundObjectStatus, IdentityDocumentType } from './api/found-objects.api';
import { foundObjectsNl } from './i18n/nl';

type Codes = (typeof foundObjectsNl)['codes'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The feature's catalogues name every code of the API's enums, and no other.
export const codesCoverTheApi: [
  Same<keyof Codes['status'], FoundObjectStatus>,
  Same<keyof Codes['identityDocument'], IdentityDocumentType>,
] = [true, true];

export function foundObjectCodes<G extends keyof Codes>(group: G): (keyof Codes[G] & string)[] {
  return Object.keys(foundObjectsNl.codes[group]) as (keyof Codes[G] & string)[];
}

export function useFoundObjectLabel(): (group: keyof Codes, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback(
    (group, code) => (code ? t(`foundObjects.codes.${group}.${code}` as never, { defaultValue: code.replaceAll('_', ' ') }) : ''),
    [t],
  );
}
