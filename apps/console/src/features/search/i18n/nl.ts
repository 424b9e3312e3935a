/** The search feature's words, in Dutch: the source of the keys. */
export const searchNl = {
  box: {
    fieldLabel: 'Zoekterm',
    label: 'Zoeken',
    placeholder: 'Zoeken in wat u mag zien…',
    hint: 'Druk op / om te zoeken',
    submit: 'Zoeken',
  },
  screen: {
    title: 'Zoeken',
    titleFor: 'Zoeken: {{q}}',
    intro:
      'Zoek op woorden, namen, plaatsen, straten en PV- of registernummers. U vindt alleen wat u zonder rechtvaardiging mag inzien; elke zoekopdracht wordt gelogd.',
    scope: 'Doorzocht: {{groups}}.',
    keyboard: 'Pijltjes omhoog en omlaag springen tussen de resultaten.',
    empty: 'Geen resultaten.',
    more: 'Meer tonen',
    loading: 'Zoeken…',
    count_one: '{{count}} resultaat',
    count_other: '{{count}} resultaten',
    countAtLeast: 'meer dan {{count}} resultaten (de meest recente worden getoond; verfijn de zoekterm)',
    matchedIn: 'Gevonden in: {{fields}}',
    noScreen: 'Voor dit soort dossier is er nog geen scherm in de console.',
    references: 'Nummers',
  },
  errors: {
    noWords: 'De zoekterm bevat geen woord om naar te zoeken (alleen stopwoorden, leestekens of uitsluitingen).',
    invalid: 'Deze zoekterm kan niet gebruikt worden: {{detail}}',
    tooLong: 'De zoekterm is te lang (ten hoogste 200 tekens).',
  },
  groups: {
    report: 'Meldingen en aangiften',
    investigation: 'Onderzoeken',
    integrity_complaint: 'Klachten',
  },
  fields: {
    title: 'titel',
    reference: 'nummer',
    parties: 'betrokkenen',
    place: 'plaats',
    narrative: 'relaas',
  },
};
