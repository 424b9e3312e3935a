import { hasAnyRole, Role, SessionUser } from '@/lib/auth';

/** The services that search (`GET /api/<service>/search`); evidence does not. */
export type SearchService = 'reports' | 'investigations' | 'integrity';

/** Who may call each service's search route: the services' own `@Allow`, in the order results are shown. */
export const SEARCH_ROLES: Record<SearchService, readonly Role[]> = {
  reports: ['front_desk', 'detective', 'team_lead', 'chief'],
  investigations: ['detective', 'team_lead', 'chief'],
  integrity: ['integrity_investigator', 'discipline_officer', 'dpo', 'chief'],
};

/** What each service finds (the hits' `kind`): one group of results each. */
export const SEARCH_KIND: Record<SearchService, 'report' | 'investigation' | 'integrity_complaint'> = {
  reports: 'report',
  investigations: 'investigation',
  integrity: 'integrity_complaint',
};

/** The services this user's roles may search, in display order; none means no search box. */
export function searchServicesFor(user: SessionUser): SearchService[] {
  return (Object.keys(SEARCH_ROLES) as SearchService[]).filter((s) => hasAnyRole(user, SEARCH_ROLES[s]));
}

/**
 * The console's screen of a record found, by kind; a kind without one is shown without a link. (Add a
 * kind here when its record screen lands.)
 */
export const RECORD_SCREEN: Partial<Record<string, (id: string) => string>> = {
  report: (id) => `/reports/${id}`,
};
