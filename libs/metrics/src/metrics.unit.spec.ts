import { Pool } from 'pg';
import { COLLECT_TIMEOUT_MS, Metrics } from './metrics';

/** The value of one series in the text exposition, or undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Metrics: the one registry of a process', () => {
  it('renders an HTTP request under its route template and status, counting it in its latency bucket', async () => {
    const m = new Metrics({ processMetrics: false });
    m.httpRequest({ service: 'reports', method: 'GET', route: '/api/reports/:id', status: 200 }, 0.03);
    m.httpRequest({ service: 'reports', method: 'GET', route: '/api/reports/:id', status: 200 }, 0.2);
    const text = await m.scrape();
    const labels = 'service="reports",method="GET",route="/api/reports/:id",status="200"';
    expect(sample(text, `police_http_request_duration_seconds_count{${labels}}`)).toBe(2);
    expect(sample(text, `police_http_request_duration_seconds_bucket{le="0.05",${labels}}`)).toBe(1);
    expect(sample(text, `police_http_request_duration_seconds_bucket{le="0.25",${labels}}`)).toBe(2);
    expect(sample(text, `police_http_request_duration_seconds_sum{${labels}}`)).toBeCloseTo(0.23);
  });

  it('counts command outcomes with their refusal code', async () => {
    const m = new Metrics({ processMetrics: false });
    m.command({ service: 'evidence', command: 'POST /api/evidence/items', outcome: 'accepted', code: '' });
    m.command({ service: 'evidence', command: 'POST /api/evidence/items', outcome: 'refused', code: 'validation' });
    m.command({ service: 'evidence', command: 'POST /api/evidence/items', outcome: 'refused', code: 'validation' });
    const text = await m.scrape();
    expect(sample(text, 'police_commands_total{service="evidence",command="POST /api/evidence/items",outcome="accepted",code=""}')).toBe(1);
    expect(
      sample(text, 'police_commands_total{service="evidence",command="POST /api/evidence/items",outcome="refused",code="validation"}'),
    ).toBe(2);
  });

  it('runs the collectors at each scrape, and counts one that fails or hangs instead of failing the scrape', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const m = new Metrics({ processMetrics: false });
      let scrapes = 0;
      m.addCollector('counting', async () => {
        scrapes++;
        m.parkedMessages.set({ service: 'investigations', reason: 'refused' }, scrapes);
      });
      m.addCollector('broken', async () => {
        throw new Error('database down');
      });
      m.addCollector('hanging', () => new Promise(() => undefined));
      const scraping = m.scrape();
      await jest.advanceTimersByTimeAsync(COLLECT_TIMEOUT_MS);
      const text = await scraping;
      expect(sample(text, 'police_parked_messages{service="investigations",reason="refused"}')).toBe(1);
      expect(sample(text, 'police_metrics_collector_failures_total{collector="broken"}')).toBe(1);
      expect(sample(text, 'police_metrics_collector_failures_total{collector="hanging"}')).toBe(1);
      expect(() => m.addCollector('counting', async () => undefined)).toThrow('counting');
    } finally {
      jest.useRealTimers();
    }
  });

  it("times pool checkouts through the pool's own connect, and reports its connections when scraped", async () => {
    const m = new Metrics({ processMetrics: false });
    // No server: a checkout fails to connect, and is still timed.
    const pool = new Pool({ host: '127.0.0.1', port: 1, max: 3, connectionTimeoutMillis: 500 });
    pool.on('error', () => undefined);
    m.observePool('reports', pool);
    await expect(pool.query('SELECT 1')).rejects.toThrow();
    await expect(pool.connect()).rejects.toThrow();
    const text = await m.scrape();
    expect(sample(text, 'police_pg_pool_acquire_seconds_count{pool="reports"}')).toBe(2);
    expect(sample(text, 'police_pg_pool_max_connections{pool="reports"}')).toBe(3);
    expect(sample(text, 'police_pg_pool_connections{pool="reports",state="in_use"}')).toBe(0);
    expect(sample(text, 'police_pg_pool_waiting_clients{pool="reports"}')).toBe(0);
    await pool.end();
  });

  it('declares every metric once, with the police_ prefix, and the process figures beside them', () => {
    const names = new Metrics().names();
    const own = names.filter((n) => n.startsWith('police_'));
    expect(own.sort()).toEqual([
      'police_commands_total',
      'police_consultation_log_writes_total',
      'police_consumer_lag_messages',
      'police_event_store_append_duration_seconds',
      'police_http_request_duration_seconds',
      'police_inbox_duplicates_skipped_total',
      'police_lease_held',
      'police_metrics_collector_failures_total',
      'police_parked_messages',
      'police_pg_pool_acquire_seconds',
      'police_pg_pool_connections',
      'police_pg_pool_max_connections',
      'police_pg_pool_waiting_clients',
      'police_projection_lag_events',
      'police_projection_lag_seconds',
      'police_relay_lag_events',
      'police_relay_lag_seconds',
      'police_token_verifications_refused_total',
    ]);
    expect(names).toContain('process_cpu_seconds_total');
    expect(new Set(names).size).toBe(names.length);
  });
});
