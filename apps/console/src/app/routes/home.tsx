import { Anchor, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { useUser } from '@/lib/auth';
import { sectionsFor } from '../navigation';

/** The overview: the user's sections and what each offers (or that its screens are still to come). */
export function HomeScreen() {
  const { t } = useTranslation();
  const user = useUser();
  const sections = sectionsFor(user);
  return (
    <>
      <PageTitle>{t('home.title', { name: user.name })}</PageTitle>
      <Text mb="md">{sections.length > 0 ? t('home.intro') : t('home.noSections')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {sections.map((s) => (
          <Card key={s.id} withBorder padding="md" component="section" aria-labelledby={`section-${s.id}`}>
            <Title order={2} size="h4" id={`section-${s.id}`} mb="xs">
              {t(`nav.sections.${s.id}`)}
            </Title>
            {s.items.length > 0 ? (
              <List spacing={4} size="sm">
                {s.items.map((i) => (
                  <List.Item key={i.to}>
                    <Anchor component={Link} to={i.to}>
                      {t(i.label)}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                {t('home.sectionPending')}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
