import { Controller, Get, Inject, Res, Type } from '@nestjs/common';
import { ApiExcludeController, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Metrics } from '@police/metrics';
import type { Response } from 'express';
import { AcceptsScrapeToken, Allow } from './access-policy';
import { METRICS } from './access.guard';
import { SearchRateLimit } from './rate-limit';

/** Where a host serves its metrics: paths under `/api` (`<service>/metrics`), and `/metrics` itself for a production main. */
export interface MetricsEndpoints {
  paths: string[];
  /** Also at `/metrics` (outside `/api`: the host must serve `metrics` unprefixed, see `configureHttpApp`). */
  root?: boolean;
}

/**
 * The Prometheus endpoints of a host: the process's metrics as text, to the `ops` role or the
 * deployment's scrape token (`METRICS_SCRAPE_TOKEN`); anyone else gets 401 or 403. Rate-limited like a
 * list: a scrape runs a few queries. `/metrics` (outside `/api`) is left out of the API documents.
 */
export function metricsControllers(endpoints: MetricsEndpoints): Type<unknown>[] {
  // A controller per path: one handler with several paths would be documented as operations the builder cannot name.
  const controllers = endpoints.paths.map((path) => metricsController(path, false));
  if (endpoints.root) controllers.push(metricsController('metrics', true));
  return controllers;
}

function metricsController(path: string, undocumented: boolean): Type<unknown> {
  @ApiTags('metrics')
  @Allow('ops')
  @AcceptsScrapeToken()
  @SearchRateLimit()
  @Controller()
  class MetricsController {
    constructor(@Inject(METRICS) private readonly metrics: Metrics) {}

    @Get(path)
    @ApiProduces('text/plain')
    @ApiOperation({
      summary:
        'Prometheus metrics of the process that serves this service (text exposition format). For the ops role, or the scrape token as bearer (METRICS_SCRAPE_TOKEN).',
    })
    async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
      const text = await this.metrics.scrape();
      res.setHeader('Content-Type', this.metrics.contentType);
      return text;
    }
  }
  if (undocumented) {
    ApiExcludeController()(MetricsController);
    Object.defineProperty(MetricsController, 'name', { value: 'RootMetricsController' });
  }
  return MetricsController;
}
