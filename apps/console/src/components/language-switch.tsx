import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, Language, LANGUAGES } from '@/lib/i18n/i18n';

/** Nederlands / English, on every screen (sign-in included). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('header.language')}
      size="xs"
      value={i18n.language}
      onChange={(e) => void changeLanguage(e.currentTarget.value as Language)}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      w={120}
    />
  );
}
