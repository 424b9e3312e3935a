import type { Widen } from '@/lib/i18n/catalogue';
import type { searchNl } from './nl';

/** The search feature's words, in English (the same keys as the Dutch catalogue). */
export const searchEn: Widen<typeof searchNl> = {
  box: {
    fieldLabel: 'Search words',
    label: 'Search',
    placeholder: 'Search what you may see…',
    hint: 'Press / to search',
    submit: 'Search',
  },
  screen: {
    title: 'Search',
    titleFor: 'Search: {{q}}',
    intro:
      'Search by words, names, places, streets and PV or register numbers. You find only what you may read without a justification; every search is logged.',
    scope: 'Searched: {{groups}}.',
    keyboard: 'The up and down arrows move between the results.',
    empty: 'No results.',
    more: 'Show more',
    loading: 'Searching…',
    count_one: '{{count}} result',
    count_other: '{{count}} results',
    countAtLeast: 'more than {{count}} results (the most recent are shown; sharpen the words)',
    matchedIn: 'Found in: {{fields}}',
    noScreen: 'The console has no screen for this kind of file yet.',
    references: 'Numbers',
  },
  errors: {
    noWords: 'The search holds no word to look for (only stop words, punctuation or exclusions).',
    invalid: 'This search cannot be used: {{detail}}',
    tooLong: 'The search is too long (200 characters at most).',
  },
  groups: {
    report: 'Reports',
    investigation: 'Investigations',
    integrity_complaint: 'Complaints',
  },
  fields: {
    title: 'title',
    reference: 'number',
    parties: 'people involved',
    place: 'place',
    narrative: 'account',
  },
};
