import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceComponents, ReportsComponents } from '@police/api-client';
import { nl } from './locales/nl';

type Codes = (typeof nl)['codes'];
/** A group of codes the API sends, each with a word in every catalogue. */
export type CodeGroup = keyof Codes;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Reports = ReportsComponents['schemas'];
type ReportKind = Reports['ReportKind'];
type ChannelKind = Reports['ChannelRequest']['kind'];
type PartyRole = Reports['PartyRole'];
type MotiveFlag = Reports['MotiveFlag'];
type ReportListStatus = Reports['ReportListStatus'];
type PvStatus = Reports['PvStatus'];
type ObjectCategory = NonNullable<Reports['DeclaredObjectRequest']['category']>;
type EvidenceSchemas = EvidenceComponents['schemas'];

// The catalogues name every code of the API's enums, and no other: a code the API adds fails the type-check here.
export const codesCoverTheApi: [
  Same<keyof Codes['reportKind'], ReportKind>,
  Same<keyof Codes['channel'], ChannelKind>,
  Same<keyof Codes['partyRole'], PartyRole>,
  Same<keyof Codes['motiveFlag'], MotiveFlag>,
  Same<keyof Codes['reportStatus'], ReportListStatus>,
  Same<keyof Codes['pvStatus'], PvStatus>,
  Same<keyof Codes['objectCategory'], ObjectCategory>,
  Same<keyof Codes['evidenceCategory'], EvidenceSchemas['ItemCategory']>,
  Same<keyof Codes['labAnalysis'], EvidenceSchemas['LabAnalysis']>,
  Same<keyof Codes['labConclusion'], EvidenceSchemas['LabResultRequest']['conclusion']>,
] = [true, true, true, true, true, true, true, true, true, true];

/** The codes of a group, in catalogue order: the options of a select. */
export function codesOf<G extends CodeGroup>(group: G): (keyof Codes[G] & string)[] {
  return Object.keys(nl.codes[group]) as (keyof Codes[G] & string)[];
}

/**
 * `label('reportKind', 'loss_declaration')` → "Verliesaangifte": a code as a word in the current
 * language. An unknown code (a newer server) shows as itself rather than as a missing key.
 */
export function useCodeLabel(): (group: CodeGroup, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback((group, code) => (code ? t(`codes.${group}.${code}` as never, { defaultValue: code }) : ''), [t]);
}
