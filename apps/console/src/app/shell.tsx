import { AppShell, Box, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { RouteFocusProvider } from '@/components/route-focus';
import { useAuth, useUser } from '@/lib/auth';
import { LanguageSwitch } from '@/components/language-switch';
import { SearchBox, searchServicesFor, useSearchHotkey } from '@/features/search';
import { useLiveUpdates } from '@/lib/live';
import { liveServicesFor } from './live';
import { sectionsFor } from './navigation';

function UserBadge() {
  const { t } = useTranslation();
  const user = useUser();
  const roles = user.roles.map((r) => t(`roles.${r}`)).join(', ');
  const team = [...user.teams, user.unit].filter(Boolean).join(' · ');
  return (
    <Box ta="right" lh={1.2} data-testid="current-user">
      <VisuallyHidden>{t('header.account', { name: user.name })}</VisuallyHidden>
      <Text size="sm" fw={600} aria-hidden>
        {user.name}
      </Text>
      {/* Below 992 px the header keeps the name only: the roles and team would push sign-out off the screen. */}
      <Text size="xs" c="dimmed" visibleFrom="md">
        {roles}
        {team && <> · {team}</>}
      </Text>
    </Box>
  );
}

/**
 * The layout of every signed-in screen: a header (zone, the search box, the user's name, roles and team, language,
 * sign-out), the navigation of the sections the user's roles open (a drawer below 992 px), and the
 * screen in `<main id="main">`, which the skip link reaches. Live updates keep what it shows current.
 */
export function Shell() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const user = useUser();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const sections = sectionsFor(user).filter((s) => s.items.length > 0);
  useEffect(close, [location.pathname, close]);
  useLiveUpdates(liveServicesFor(user));
  useSearchHotkey();
  // On the search screen the field is part of the screen (with its errors beside it).
  const headerSearch = searchServicesFor(user).length > 0 && location.pathname !== '/search';

  return (
    <RouteFocusProvider>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={opened ? t('header.closeNavigation') : t('header.openNavigation')}
              />
              <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
                <Title order={2} size="h4" style={{ whiteSpace: 'nowrap' }}>
                  {t('app.name')}
                </Title>
              </Link>
              <Text size="sm" c="dimmed" visibleFrom="lg">
                {t('app.zone')}
              </Text>
            </Group>
            {headerSearch && (
              <Box style={{ flex: 1, maxWidth: 380 }} px="md" visibleFrom="md">
                <SearchBox />
              </Box>
            )}
            {headerSearch && (
              <Button component={Link} to="/search" variant="default" size="xs" hiddenFrom="md">
                {t('search.box.submit')}
              </Button>
            )}
            <Group gap="md" wrap="nowrap">
              <UserBadge />
              <LanguageSwitch />
              <Button variant="default" size="xs" onClick={() => void signOut()}>
                {t('header.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
          <ScrollArea>
            <Stack gap={4}>
              <NavLink component={Link} to="/" label={t('nav.home')} active={location.pathname === '/'} color="blue.9" variant="filled" />
              {sections.map((s) => (
                <Box key={s.id} mt="xs">
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" py={4} component="h2">
                    {t(`nav.sections.${s.id}`)}
                  </Text>
                  {s.items.map((i) => (
                    <NavLink
                      key={i.to}
                      component={Link}
                      to={i.to}
                      label={t(i.label)}
                      active={location.pathname === i.to}
                      color="blue.9"
                      variant="filled"
                      aria-current={location.pathname === i.to ? 'page' : undefined}
                    />
                  ))}
                </Box>
              ))}
            </Stack>
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </RouteFocusProvider>
  );
}
