import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

interface PartyLike {
  kind: string;
  id: string;
  name?: string;
}

/** A party of the custody record as words: "Bewaarplaats Bewaarplaats overtuigingsstukken APG", "Personeelslid 5415-0201". */
export function usePartyLabel(): (p: PartyLike | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback(
    (p) =>
      p ? t(`evidence.party.${p.kind}` as never, { id: p.id, name: p.name ?? p.id, defaultValue: `${p.kind} ${p.name ?? p.id}` }) : '',
    [t],
  );
}

/** A purpose or disposition code of the evidence API as a word (handover purposes, check-out purposes, dispositions). */
export function usePurposeLabel(): (code: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback((code) => (code ? t(`evidence.purpose.${code}` as never, { defaultValue: code }) : ''), [t]);
}
