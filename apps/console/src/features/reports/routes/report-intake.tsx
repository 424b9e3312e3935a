import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '@/components/notify';
import { PageTitle } from '@/components/page-title';
import { RequireRoles } from '@/components/require-roles';
import { REPORT_INTAKE_ROLES } from '../access';
import { IntakeForm } from '../components/intake-form';

function ReportIntakeScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle>{t('reports.intake.title')}</PageTitle>
      <Text size="sm" mb="md">
        {t('reports.intake.intro')}
      </Text>
      <IntakeForm
        onCreated={(report) => {
          notifySuccess(report.status === 'routed_to_integrity' ? t('reports.intake.routed') : t('reports.intake.created'));
          navigate(`/reports/${report.id}`);
        }}
      />
    </>
  );
}

export function Component() {
  return (
    <RequireRoles roles={REPORT_INTAKE_ROLES}>
      <ReportIntakeScreen />
    </RequireRoles>
  );
}
