// The search index as a projection reads what its source projection reads (ADR 0063): the same types, and
// sealed fields opened exactly when the source reads them.
import { Projection, projectionFilter } from '@police/event-store';
import { SearchEntry, searchIndexProjection } from './search-index';

class Row {
  id: string;
  count: number;
}

class Entry extends SearchEntry {}

const source = (readsSealedFields?: boolean): Projection<Row> => ({
  name: 'counts',
  entity: Row,
  handles: ['Counted'],
  ...(readsSealedFields !== undefined && { readsSealedFields }),
  keys: (e) => [e.streamId],
  evolve: (row) => ({ id: row?.id ?? 'x', count: (row?.count ?? 0) + 1 }),
});

const indexOf = (s: Projection<Row>) => searchIndexProjection({ name: 'counts-search', entity: Entry, source: s, document: () => null });

describe('searchIndexProjection (ADR 0063)', () => {
  it('opens sealed fields only where its source reads them', () => {
    expect(projectionFilter(indexOf(source(false)))).toEqual({ types: ['Counted'], open: [] });
    expect(projectionFilter(indexOf(source(true)))).toEqual({ types: ['Counted'], open: ['Counted'] });
    expect(projectionFilter(indexOf(source()))).toEqual({ types: ['Counted'], open: ['Counted'] });
  });
});
