import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_SOURCING, SearchPage, SearchQuery, ServiceEventSourcing } from '@police/platform';
import { Allow, Consults, RecordSearch, SearchRoute } from '@police/security';
import type { Request } from 'express';
import { ComplaintSearchEntry } from '../../read-model/search/complaint-search.projection';
import { OVERSIGHT_ROLES } from '../../integrity.access';

/** Search over the complaints the reader may see. */
@ApiTags('complaints')
@Controller()
export class ComplaintSearchController {
  constructor(
    private readonly records: RecordSearch,
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
  ) {}

  @Get('search')
  @SearchRoute(
    'Search the complaints you may see: register number and external reference, complainant, office, facts (complaints that concern you, and other compartments, are never found nor counted)',
  )
  @Allow(...OVERSIGHT_ROLES)
  @Consults('integrity_complaint')
  search(@Query() q: SearchQuery, @Req() req: Request): Promise<SearchPage> {
    return this.records.search(req, { dataSource: this.es.dataSource, entity: ComplaintSearchEntry, types: ['integrity_complaint'] }, q);
  }
}
