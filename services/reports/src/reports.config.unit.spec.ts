import { DEFAULT_REPORTS_CONFIG, officeRules, reportsConfigFromEnv, teamsOfService } from './reports.config';

describe('the reports service configuration', () => {
  it('defaults to Gent: appointment-only desks, GAK as the quality-control team, LRD as competent service', () => {
    const config = reportsConfigFromEnv({});
    expect(config).toEqual(DEFAULT_REPORTS_CONFIG);
    expect(officeRules(config).apg).toEqual({ walkIn: false });
    expect(config.gakTeams).toEqual(['GAK']);
    expect(config.defaultCompetentService).toBe('LRD');
  });

  it('takes the zone’s values from the environment', () => {
    const config = reportsConfigFromEnv({
      REPORTS_CONFIG_JSON: JSON.stringify({ offices: [{ id: 'regiokantoor-noord', name: 'Regiokantoor Noord', walkIn: true }] }),
      REPORTS_GAK_TEAMS: '["GAK","DIAK"]',
      REPORTS_DEFAULT_COMPETENT_SERVICE: 'Recherche',
      REPORTS_PV_NUMBER_PATTERN: '^AN\\.\\d{2}\\.[A-Z0-9]+\\.\\d{6}/\\d{4}$',
    });
    expect(officeRules(config)).toEqual({ 'regiokantoor-noord': { walkIn: true } });
    expect(config).toMatchObject({
      gakTeams: ['GAK', 'DIAK'],
      defaultCompetentService: 'Recherche',
      pvNumberPattern: '^AN\\.\\d{2}\\.[A-Z0-9]+\\.\\d{6}/\\d{4}$',
    });
    // The default example illustrates the default pattern only: a zone's own pattern comes with its own example, or none.
    expect(config.pvNumberExample).toBeNull();
    const withExample = reportsConfigFromEnv({
      REPORTS_PV_NUMBER_PATTERN: '^AN\\.\\d{6}/\\d{4}$',
      REPORTS_PV_NUMBER_EXAMPLE: 'AN.004242/2026',
    });
    expect(withExample).toMatchObject({ pvNumberPattern: '^AN\\.\\d{6}/\\d{4}$', pvNumberExample: 'AN.004242/2026' });
    expect(reportsConfigFromEnv({}).pvNumberExample).toBe('GE.55.L5.000123/2026');
    // A zone sets the time limits it knows; the others keep their defaults.
    expect(reportsConfigFromEnv({ REPORTS_CONFIG_JSON: '{"timeLimits":{"pvDraftDays":1}}' }).timeLimits).toEqual({
      pvDraftDays: 1,
      qualityCheckDays: 2,
      transmissionDays: 5,
    });
  });

  it('refuses to start on configuration it cannot use', () => {
    expect(() => reportsConfigFromEnv({ REPORTS_CONFIG_JSON: '{' })).toThrow(/REPORTS_CONFIG_JSON is not valid JSON/);
    expect(() => reportsConfigFromEnv({ REPORTS_GAK_TEAMS: '"GAK"' })).toThrow(/REPORTS_GAK_TEAMS must be a JSON array/);
    expect(() => reportsConfigFromEnv({ REPORTS_PV_NUMBER_PATTERN: '([' })).toThrow(/not a valid regular expression/);
    expect(() =>
      reportsConfigFromEnv({ REPORTS_PV_NUMBER_PATTERN: '^AN\\.\\d{6}$', REPORTS_PV_NUMBER_EXAMPLE: 'GE.55.L5.000123/2026' }),
    ).toThrow(/does not match the PV number pattern/);
    expect(() => reportsConfigFromEnv({ REPORTS_CONFIG_JSON: '{"timeLimits":{"qualityCheckDays":0}}' })).toThrow(
      'timeLimits.qualityCheckDays must be a positive number of days',
    );
    expect(() => reportsConfigFromEnv({ REPORTS_CONFIG_JSON: '{"timeLimits":{"pvDraftDays":"3"}}' })).toThrow(
      'timeLimits.pvDraftDays must be a positive number of days',
    );
  });

  it('maps a service to the teams that see its reports: its own name unless configured', () => {
    expect(teamsOfService(DEFAULT_REPORTS_CONFIG, 'Diefstallen')).toEqual(['Diefstallen']);
    expect(teamsOfService(DEFAULT_REPORTS_CONFIG, 'LRD')).toEqual([]);
    expect(teamsOfService(DEFAULT_REPORTS_CONFIG, null)).toEqual([]);
  });
});
