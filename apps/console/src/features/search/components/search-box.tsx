import { Button, Group, Text, TextInput } from '@mantine/core';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The id of the console's one search field: `/` focuses it from anywhere. */
export const SEARCH_FIELD_ID = 'console-search';

/** The longest search the services take (`SearchQuery.q`). */
export const SEARCH_MAX_LENGTH = 200;

/**
 * The search field: Enter (or the button) opens `/search?q=…` — each search is a logged consultation,
 * so nothing is searched while typing. `size="lg"` on the search screen, compact in the header.
 */
export function SearchBox({ initial = '', error, large = false }: { initial?: string; error?: string; large?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = value.trim();
    if (q === '') return;
    void navigate(`/search?${new URLSearchParams({ q }).toString()}`);
  };
  return (
    <form role="search" aria-label={t('search.box.label')} onSubmit={submit} style={{ width: '100%' }}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          id={SEARCH_FIELD_ID}
          type="search"
          aria-label={large ? undefined : t('search.box.label')}
          label={large ? t('search.box.fieldLabel') : undefined}
          description={large ? t('search.box.hint') : undefined}
          placeholder={t('search.box.placeholder')}
          title={t('search.box.hint')}
          value={value}
          maxLength={SEARCH_MAX_LENGTH}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={!!error}
          aria-describedby={error ? `${SEARCH_FIELD_ID}-error` : undefined}
          size={large ? 'md' : 'xs'}
          style={{ flex: 1 }}
          autoComplete="off"
          enterKeyHint="search"
        />
        <Button type="submit" size={large ? 'md' : 'xs'} variant={large ? 'filled' : 'default'}>
          {t('search.box.submit')}
        </Button>
      </Group>
      {error && (
        <Text id={`${SEARCH_FIELD_ID}-error`} size="sm" c="red.9" mt={4}>
          {error}
        </Text>
      )}
    </form>
  );
}

/** `/` focuses the search field, unless the user is typing somewhere. */
export function useSearchHotkey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const field = document.getElementById(SEARCH_FIELD_ID);
      if (!field) return;
      e.preventDefault();
      field.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
