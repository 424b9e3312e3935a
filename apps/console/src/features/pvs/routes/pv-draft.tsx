import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { PV_AUTHOR_ROLES } from '../access';
import { usePv } from '../api/pvs.api';
import { DraftPvForm } from '../components/draft-pv-form';

/** A supplementary PV starts from the finalised one it adds to: same offence and destination. */
function SupplementDraft({ reportId, pvId }: { reportId: string; pvId: string }) {
  const { t } = useTranslation();
  const original = usePv(pvId);
  const pv = original.data?.data.pv;
  return (
    <>
      <PageTitle>{pv?.pvNumber ? t('pvs.draft.titleSupplement', { number: pv.pvNumber }) : t('pvs.draft.title')}</PageTitle>
      <Text size="sm">{t('pvs.draft.introSupplement')}</Text>
      {original.isError && <ProblemAlert error={original.error} />}
      {pv && (
        <DraftPvForm reportId={reportId} supplementsPvId={pvId} initial={{ offenceType: pv.offenceType, destination: pv.destination }} />
      )}
    </>
  );
}

function PvDraftScreen() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const reportId = params.get('report') ?? '';
  const supplements = params.get('supplements');
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={supplements ? `/pvs/${supplements}` : `/reports/${reportId}`} size="sm">
        {supplements ? t('common.back') : t('pvs.draft.toReport')}
      </Anchor>
      {supplements ? (
        <SupplementDraft reportId={reportId} pvId={supplements} />
      ) : (
        <>
          <PageTitle>{t('pvs.draft.title')}</PageTitle>
          <Text size="sm">{t('pvs.draft.intro')}</Text>
          <DraftPvForm reportId={reportId} />
        </>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={PV_AUTHOR_ROLES}>
      <PvDraftScreen />
    </RequireRoles>
  );
}
