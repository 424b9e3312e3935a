import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Metrics } from './metrics';

const dir = path.resolve(__dirname, '../../../infra/observability');
const names = new Set(new Metrics().names());

/** The metric names a PromQL expression reads: ours (`police_`) and the process's, without histogram suffixes. */
function metricsOf(expr: string): string[] {
  return [...expr.matchAll(/\b((?:police|process|nodejs)_[a-z0-9_]+)/g)].map(([, name]) =>
    names.has(name) ? name : name.replace(/_(bucket|count|sum)$/, ''),
  );
}

describe('the dashboards and alert rules of infra/observability query metrics the registry declares', () => {
  it('the Grafana dashboard', () => {
    const dashboard = JSON.parse(readFileSync(path.join(dir, 'grafana/police-case-platform.json'), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const queried = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricsOf(t.expr)));
    expect(queried.filter((n) => !names.has(n))).toEqual([]);
    // Every metric of ours is on the dashboard (the collector failures too).
    expect([...names].filter((n) => n.startsWith('police_') && !queried.includes(n))).toEqual([]);
  });

  it('the Prometheus alert rules', () => {
    const rules = readFileSync(path.join(dir, 'prometheus/alerts.yml'), 'utf8');
    const exprs = [...rules.matchAll(/expr: (\|\n((?: {10,}.*\n)+)|.*)/g)].map((m) => m[2] ?? m[1]);
    expect(exprs).toHaveLength(7);
    const queried = exprs.flatMap(metricsOf);
    expect(queried.filter((n) => !names.has(n))).toEqual([]);
    expect(new Set(queried)).toEqual(
      new Set([
        'police_parked_messages',
        'police_projection_lag_seconds',
        'police_relay_lag_seconds',
        'police_consumer_lag_messages',
        'police_http_request_duration_seconds',
        'police_consultation_log_writes_total',
        'police_token_verifications_refused_total',
      ]),
    );
  });
});
