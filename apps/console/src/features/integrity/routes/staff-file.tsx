import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useState } from 'react';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { Section } from '@/components/section';
import { isProblem } from '@/lib/api';
import { formatDate, todayInBrussels } from '@/lib/i18n/dates';
import { TUCHT_ROLES } from '../access';
import { useDisciplinaryFile } from '../api/integrity.api';
import { useIntegrityCode, useStaffName, useStaffOptions } from '../components/words';

const day = (d: string | null | undefined) => (d ? formatDate(`${d}T12:00:00Z`) : '');

/** A staff member's tuchtblad: asked for explicitly (each read is a logged consultation), erased sanctions shown as erased. */
function StaffFileScreen() {
  const { t } = useTranslation();
  const code = useIntegrityCode();
  const staff = useStaffName();
  const options = useStaffOptions();
  const [params, setParams] = useSearchParams();
  const shown = params.get('staffId');
  const [picked, setPicked] = useState<string | null>(shown);
  const [asOf, setAsOf] = useState(params.get('asOf') ?? todayInBrussels());
  const file = useDisciplinaryFile(shown, params.get('asOf'));
  const data = file.data;
  const missing = file.isError && isProblem(file.error, 'not-found');
  return (
    <Stack gap="sm">
      <PageTitle>{t('integrity.staffFile.title')}</PageTitle>
      <Text size="sm">{t('integrity.staffFile.intro')}</Text>
      <Group align="flex-end" gap="sm">
        <Select label={t('integrity.staffFile.staff')} data={options} searchable value={picked} onChange={setPicked} w={320} />
        <TextInput type="date" label={t('integrity.staffFile.asOfLabel')} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} />
        <Button disabled={!picked} onClick={() => picked && setParams({ staffId: picked, ...(asOf && { asOf }) })}>
          {t('integrity.staffFile.show')}
        </Button>
      </Group>
      {missing && (
        <Alert color="blue.9" variant="outline" role="status">
          {t('integrity.staffFile.notFound')}
        </Alert>
      )}
      {file.isError && !missing && <ProblemAlert error={file.error} />}
      {data && (
        <>
          <Text size="sm">{`${staff(data.staffId)} — ${t('integrity.staffFile.asOf', { date: day(data.asOf) })}`}</Text>
          <Text size="xs">
            {t('integrity.staffFile.erasurePolicy', { light: data.erasurePolicy.light ?? '—', heavy: data.erasurePolicy.heavy ?? '—' })}
          </Text>
          <Section id="sanctions" title={t('integrity.staffFile.sanctions')}>
            {data.sanctions.length === 0 && <Text size="sm">{t('integrity.staffFile.noSanctions')}</Text>}
            <Stack gap="xs">
              {data.sanctions.map((s) => (
                <Card
                  key={`${s.complaintId}-${s.procedure.startedAt}`}
                  withBorder
                  padding="xs"
                  data-erased={s.erasure?.erased ? 'true' : 'false'}
                >
                  <Group gap="xs">
                    <Anchor component={Link} to={`/integrity/complaints/${s.complaintId}`} size="sm">
                      {t('integrity.staffFile.procedure', {
                        number: s.registerNumber ?? '',
                        authority: code('authority', s.procedure.authority),
                        date: formatDate(s.procedure.startedAt),
                      })}
                    </Anchor>
                  </Group>
                  {s.sanction ? (
                    <Group gap="xs">
                      <Text size="sm" td={s.erasure?.erased ? 'line-through' : undefined}>
                        {t('integrity.outcome.sanctionLine', {
                          sanction: s.sanction.sanction,
                          severity: code('severity', s.sanction.severity),
                          authority: code('authority', s.sanction.authority),
                          date: day(s.sanction.decidedOn),
                        })}
                      </Text>
                      {s.erasure?.erased ? (
                        <Badge color="gray.7" tt="none">
                          {t('integrity.staffFile.erased', { date: day(s.erasure.erasedFrom) })}
                        </Badge>
                      ) : (
                        <Text size="xs">
                          {s.erasure?.erasedFrom
                            ? t('integrity.staffFile.erasedFrom', { date: day(s.erasure.erasedFrom) })
                            : t('integrity.staffFile.neverErased')}
                        </Text>
                      )}
                    </Group>
                  ) : (
                    <Text size="sm">{t('integrity.outcome.noSanction')}</Text>
                  )}
                </Card>
              ))}
            </Stack>
          </Section>
          <Section id="staff-measures" title={t('integrity.staffFile.measures')}>
            {data.orderMeasures.length === 0 && <Text size="sm">{t('integrity.staffFile.none')}</Text>}
            <Stack gap={4}>
              {data.orderMeasures.map((m) => (
                <Anchor key={m.id} component={Link} to={`/integrity/order-measures/${m.id}`} size="sm">
                  {`${m.kind} — ${code('measureStatus', m.status)} — ${t('integrity.measures.period', { from: day(m.startsOn), to: m.endsOn ? day(m.endsOn) : t('integrity.measures.untilFurther') })}`}
                </Anchor>
              ))}
            </Stack>
          </Section>
          <Section id="staff-threats" title={t('integrity.staffFile.threats')}>
            {data.threatFiles.length === 0 && <Text size="sm">{t('integrity.staffFile.none')}</Text>}
            <Stack gap={4}>
              {data.threatFiles.map((f) => (
                <Anchor key={f.id} component={Link} to={`/integrity/threat-files/${f.id}`} size="sm">
                  {`${day(f.openedOn)} — ${code('involvement', f.involvement)} — ${code('threatStatus', f.status)}`}
                </Anchor>
              ))}
            </Stack>
          </Section>
        </>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={TUCHT_ROLES}>
      <StaffFileScreen />
    </RequireRoles>
  );
}
