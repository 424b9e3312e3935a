import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_SOURCING, SearchPage, SearchQuery, ServiceEventSourcing } from '@police/platform';
import { Allow, Consults, RecordSearch, SearchRoute } from '@police/security';
import type { Request } from 'express';
import { InvestigationSearchEntry } from '../../read-model/search/investigation-search.projection';

/** Search over the investigations the reader may see. */
@ApiTags('investigations')
@Controller()
export class InvestigationSearchController {
  constructor(
    private readonly records: RecordSearch,
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
  ) {}

  @Get('search')
  @SearchRoute(
    "Search the investigations you may see: title, PV numbers and references, parties, place, the referred account (other teams' and restricted cases are never found nor counted)",
  )
  @Allow('detective', 'team_lead', 'chief')
  @Consults('investigation')
  search(@Query() q: SearchQuery, @Req() req: Request): Promise<SearchPage> {
    return this.records.search(req, { dataSource: this.es.dataSource, entity: InvestigationSearchEntry, types: ['investigation'] }, q);
  }
}
