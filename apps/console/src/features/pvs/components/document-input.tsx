import { FileInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** SHA-256 of a file, as 64 lowercase hex digits (how the API references a PV's document). */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The PV's document: picked from disk and kept there — the PV references it by its SHA-256, computed in
 * the browser (the document lives in document storage, not in the case platform). `value` is the hash.
 */
export function DocumentInput(props: {
  label: string;
  description: string;
  required?: boolean;
  value: string;
  onChange: (sha256: string) => void;
  error?: string;
}) {
  const { label, description, required, value, onChange, error } = props;
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  return (
    <Stack gap={4}>
      <FileInput
        label={label}
        description={description}
        withAsterisk={required}
        placeholder={t('pvs.draft.documentPick')}
        value={file}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        error={error}
        onChange={(f) => {
          setFile(f);
          if (!f) onChange('');
          else void sha256Hex(f).then(onChange);
        }}
      />
      {value && (
        <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="document-hash">
          {t('pvs.draft.documentHash', { hash: value })}
        </Text>
      )}
    </Stack>
  );
}
