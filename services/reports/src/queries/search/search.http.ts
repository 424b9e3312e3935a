import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_SOURCING, SearchPage, SearchQuery, ServiceEventSourcing } from '@police/platform';
import { Allow, Consults, RecordSearch, SearchRoute } from '@police/security';
import type { Request } from 'express';
import { ReportSearchEntry } from '../../read-model/search/report-search.projection';

/** Search over the reports the reader may see. */
@ApiTags('reports')
@Controller()
export class ReportSearchController {
  constructor(
    private readonly records: RecordSearch,
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
  ) {}

  @Get('search')
  @SearchRoute(
    'Search the reports you may see: kind and incident type, PV numbers, parties, place, narrative (hidden and sealed reports are never found nor counted)',
  )
  @Allow('front_desk', 'detective', 'team_lead', 'chief')
  @Consults('report')
  search(@Query() q: SearchQuery, @Req() req: Request): Promise<SearchPage> {
    return this.records.search(req, { dataSource: this.es.dataSource, entity: ReportSearchEntry, types: ['report'] }, q);
  }
}
