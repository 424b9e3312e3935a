import { Alert, Button, Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useLabel } from '../api/evidence.api';

type Layout = 'label' | 'a4';

/**
 * What is printed: only the labels (the console is hidden), on a label printer's 90 × 40 mm roll, one
 * label a page, or on an A4 sheet, two columns of labels at their real size, cut along the rules.
 */
function printCss(layout: Layout): string {
  const page = layout === 'label' ? '@page { size: 90mm 40mm; margin: 0; }' : '@page { size: A4; margin: 12mm; }';
  return `
.evidence-print { display: none; }
@media print {
  ${page}
  body > *:not(.evidence-print) { display: none !important; }
  .evidence-print { display: block; }
  .evidence-print img { display: block; width: 90mm; height: 40mm; }
  .evidence-print[data-layout='label'] img + img { break-before: page; }
  .evidence-print[data-layout='a4'] { display: grid; grid-template-columns: repeat(2, 90mm); gap: 5mm 6mm; }
  .evidence-print[data-layout='a4'] img { break-inside: avoid; }
}`;
}

/**
 * The item's label as the API draws it (SVG), with the choice of printer and the number of copies;
 * "print" opens the browser's print dialog on the labels only.
 */
export function LabelPrint({ itemId, labelNumber, justRegistered }: { itemId: string; labelNumber: string; justRegistered?: boolean }) {
  const { t } = useTranslation();
  const label = useLabel(itemId);
  const [layout, setLayout] = useState<Layout>('label');
  const [copies, setCopies] = useState(1);
  const src = useMemo(() => (label.data ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(label.data)}` : null), [label.data]);
  const alt = t('evidence.label.preview', { label: labelNumber });
  return (
    <Stack gap="sm">
      {justRegistered && (
        <Alert color="green.9" variant="light" title={t('evidence.register.created', { label: labelNumber })}>
          {t('evidence.label.justRegistered')}
        </Alert>
      )}
      {label.isError && <ProblemAlert error={label.error} />}
      {src ? (
        <img
          src={src}
          alt={alt}
          data-testid="label-preview"
          style={{ width: '90mm', maxWidth: '100%', height: 'auto', border: '1px solid var(--mantine-color-gray-4)' }}
        />
      ) : (
        <Text size="sm">{t('app.loading')}</Text>
      )}
      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="label-layout">
            {t('evidence.label.layout')}
          </Text>
          <SegmentedControl
            aria-labelledby="label-layout"
            value={layout}
            onChange={(v) => setLayout(v as Layout)}
            data={[
              { value: 'label', label: t('evidence.label.layoutLabel') },
              { value: 'a4', label: t('evidence.label.layoutA4') },
            ]}
          />
        </Stack>
        <NumberInput
          label={t('evidence.label.copies')}
          min={1}
          max={20}
          w={150}
          value={copies}
          onChange={(v) => setCopies(Math.min(20, Math.max(1, Number(v) || 1)))}
        />
        <Button onClick={() => window.print()} disabled={!src}>
          {t('evidence.label.print')}
        </Button>
      </Group>
      {src &&
        createPortal(
          <div className="evidence-print" data-layout={layout} data-testid="label-print">
            <style>{printCss(layout)}</style>
            {Array.from({ length: copies }, (_, i) => (
              <img key={i} src={src} alt={alt} />
            ))}
          </div>,
          document.body,
        )}
    </Stack>
  );
}
