import { Anchor, Badge, Button, Card, Group, Loader, Mark, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { ProblemError } from '@/lib/api';
import { useUser } from '@/lib/auth';
import { RECORD_SCREEN, SEARCH_KIND, SEARCH_ROLES, SearchService, searchServicesFor } from '../access';
import { SearchHit, useSearchGroup } from '../api/search.api';
import { foundWords, markWords, referenceFound, Run } from '../components/highlight';
import { SearchBox } from '../components/search-box';

const ALL_ROLES = [...new Set(Object.values(SEARCH_ROLES).flat())];

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.match ? (
          <Mark key={i} color="yellow.3" c="inherit">
            {r.text}
          </Mark>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </>
  );
}

function Hit({ hit, q }: { hit: SearchHit; q: string }) {
  const { t } = useTranslation();
  const words = foundWords(q, hit);
  const title = <Runs runs={hit.matched.includes('title') ? markWords(hit.title, words) : [{ text: hit.title, match: false }]} />;
  const screen = RECORD_SCREEN[hit.kind]?.(hit.id);
  const fields = hit.matched.map((f) => t(`search.fields.${f}`)).join(', ');
  return (
    <Stack component="li" gap={2} py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap="xs" wrap="wrap" align="baseline">
        {screen ? (
          <Anchor component={Link} to={screen} fw={600} data-search-hit>
            {title}
          </Anchor>
        ) : (
          <Text fw={600} span>
            {title}
          </Text>
        )}
        <Text size="sm" c="dimmed" span>
          <DateTime value={hit.occurredAt} />
        </Text>
        {hit.references.map((r) => (
          <Badge
            key={r}
            variant={hit.matched.includes('reference') && referenceFound(r, q) ? 'filled' : 'light'}
            color={hit.matched.includes('reference') && referenceFound(r, q) ? 'yellow.3' : 'gray'}
            c="dark.9"
            tt="none"
            radius="sm"
          >
            {r}
          </Badge>
        ))}
      </Group>
      {hit.snippet.length > 0 && (
        <Text size="sm">
          <Runs runs={hit.snippet} />
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('search.screen.matchedIn', { fields })}
        {!screen && <> · {t('search.screen.noScreen')}</>}
      </Text>
    </Stack>
  );
}

function countText(t: TFunction, total: number, exact: boolean): string {
  return exact ? t('search.screen.count', { count: total }) : t('search.screen.countAtLeast', { count: total });
}

/** The problem of a search text the services refused (400 naming `q`), in the user's words. */
function queryProblem(t: TFunction, error: unknown): string | undefined {
  if (!(error instanceof ProblemError) || error.status !== 400) return undefined;
  const e = error.errors.find((x) => x.field === 'q');
  if (!e) return undefined;
  if (/no word/i.test(e.detail)) return t('search.errors.noWords');
  if (/200|longer|shorter|length/i.test(e.detail)) return t('search.errors.tooLong');
  return t('search.errors.invalid', { detail: e.detail });
}

type Group = ReturnType<typeof useSearchGroup>;

function Results({ service, q, group }: { service: SearchService; q: string; group: Group }) {
  const { t } = useTranslation();
  const kind = SEARCH_KIND[service];
  const pages = group.data?.pages ?? [];
  const first = pages[0];
  const hits = pages.flatMap((p) => p.hits);
  const headingId = `search-group-${kind}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid={`search-group-${kind}`}>
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={2} size="h4" id={headingId}>
          {t(`search.groups.${kind}`)}
        </Title>
        {first && (
          <Text size="sm" c="dimmed" data-testid="search-count">
            {countText(t, first.total, first.totalExact)}
          </Text>
        )}
        {group.isFetching && !group.isFetchingNextPage && <Loader size="xs" aria-label={t('search.screen.loading')} />}
      </Group>
      {group.isError && !queryProblem(t, group.error) && <ProblemAlert error={group.error} />}
      {first && hits.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('search.screen.empty')}
        </Text>
      )}
      {hits.length > 0 && (
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
          {hits.map((h) => (
            <Hit key={h.id} hit={h} q={q} />
          ))}
        </Stack>
      )}
      {group.hasNextPage && (
        <Group mt="xs">
          <Button variant="default" size="xs" loading={group.isFetchingNextPage} onClick={() => void group.fetchNextPage()}>
            {t('search.screen.more')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** Up and down arrows move between the hits' links (and from the search field or the heading to the first). */
function moveBetweenHits(e: KeyboardEvent<HTMLElement>, root: HTMLElement | null) {
  if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || !root) return;
  const target = e.target as HTMLElement;
  const hits = [...root.querySelectorAll<HTMLElement>('[data-search-hit]')];
  if (hits.length === 0) return;
  const at = hits.indexOf(target);
  const isField = target.tagName === 'INPUT';
  if (at < 0 && !isField && target.tagName !== 'H1') return;
  e.preventDefault();
  const next =
    at < 0 ? (e.key === 'ArrowDown' ? 0 : hits.length - 1) : Math.min(hits.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
  hits[next].focus();
}

function SearchScreen() {
  const { t } = useTranslation();
  const user = useUser();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const services = searchServicesFor(user);
  const root = useRef<HTMLDivElement>(null);
  // One hook per service, always in the same order; only the services the user's roles may call search.
  const groups: Record<SearchService, Group> = {
    reports: useSearchGroup('reports', q, services.includes('reports')),
    investigations: useSearchGroup('investigations', q, services.includes('investigations')),
    integrity: useSearchGroup('integrity', q, services.includes('integrity')),
  };
  const fieldError = services.map((s) => queryProblem(t, groups[s].error)).find((m) => m !== undefined);
  const scope = services.map((s) => t(`search.groups.${SEARCH_KIND[s]}`)).join(', ');
  return (
    <Stack gap="md" ref={root} onKeyDown={(e) => moveBetweenHits(e, root.current)} maw={960}>
      <PageTitle documentTitle={q ? t('search.screen.titleFor', { q }) : t('search.screen.title')}>{t('search.screen.title')}</PageTitle>
      <SearchBox initial={q} error={fieldError} large />
      <Text size="sm" c="dimmed">
        {t('search.screen.intro')} {t('search.screen.scope', { groups: scope })} {t('search.screen.keyboard')}
      </Text>
      {q !== '' && !fieldError && services.map((s) => <Results key={s} service={s} q={q} group={groups[s]} />)}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={ALL_ROLES}>
      <SearchScreen />
    </RequireRoles>
  );
}
