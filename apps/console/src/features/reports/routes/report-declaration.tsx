import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '@/components/notify';
import { PageTitle } from '@/components/page-title';
import { RequireRoles } from '@/components/require-roles';
import { REPORT_INTAKE_ROLES } from '../access';
import { IntakeForm } from '../components/intake-form';
import { OBJECT_KINDS } from '../components/facts.model';

/**
 * Found objects and losses: the intake for these two kinds only, a found object first (the desk's most
 * common). The service declares them to evidence (reports.FoundObjectDeclared.v1, LossDeclared.v1).
 */
function DeclarationScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle>{t('reports.declaration.title')}</PageTitle>
      <Text size="sm" mb="md" maw={960}>
        {t('reports.declaration.intro')}
      </Text>
      <IntakeForm
        kinds={OBJECT_KINDS}
        defaultKind="found_object_declaration"
        onCreated={(report) => {
          notifySuccess(t('reports.declaration.created'));
          navigate(`/reports/${report.id}`);
        }}
      />
    </>
  );
}

export function Component() {
  return (
    <RequireRoles roles={REPORT_INTAKE_ROLES}>
      <DeclarationScreen />
    </RequireRoles>
  );
}
