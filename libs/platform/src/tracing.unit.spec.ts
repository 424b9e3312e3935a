import { trace } from '@opentelemetry/api';
import { samplerFromEnv, startTracing, tracingEnabled } from './tracing';

describe('startTracing: off unless the OTEL_* variables ask', () => {
  it.each([
    ['nothing set', {}],
    ['the exporter set to none, an endpoint given', { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }],
    ['the SDK disabled, an endpoint given', { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }],
    ['the SDK disabled, the exporter asked', { OTEL_SDK_DISABLED: 'TRUE', OTEL_TRACES_EXPORTER: 'otlp' }],
  ])('%s: nothing registered, spans are no-ops', (_, env) => {
    expect(startTracing({ service: 'reports', env })).toBeUndefined();
    expect(tracingEnabled()).toBe(false);
    const span = trace.getTracer('t').startSpan('x');
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  it('refuses an exporter it does not know, naming the variable', () => {
    expect(() => startTracing({ service: 'reports', env: { OTEL_TRACES_EXPORTER: 'jaeger' } })).toThrow(
      'OTEL_TRACES_EXPORTER must be otlp, console or none, got "jaeger"',
    );
  });
});

describe('samplerFromEnv: the standard OTEL_TRACES_SAMPLER names', () => {
  it.each([
    [
      {},
      'ParentBased{root=AlwaysOnSampler, remoteParentSampled=AlwaysOnSampler, remoteParentNotSampled=AlwaysOffSampler, localParentSampled=AlwaysOnSampler, localParentNotSampled=AlwaysOffSampler}',
    ],
    [{ OTEL_TRACES_SAMPLER: 'always_off' }, 'AlwaysOffSampler'],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }, 'TraceIdRatioBased{0.1}'],
  ])('%j → %s', (env, expected) => {
    expect(samplerFromEnv(env).toString()).toBe(expected);
  });

  it('refuses an unknown sampler and a ratio outside 0..1, naming the variable', () => {
    expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(
      /^OTEL_TRACES_SAMPLER must be one of always_on, .*got "sometimes"$/,
    );
    expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '5' })).toThrow(
      'OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1, got "5"',
    );
  });
});
