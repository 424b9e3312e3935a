import { DEFAULT_INVESTIGATIONS_CONFIG, phenomenonOf, routeOf } from './investigations.config';

describe('investigations configuration look-ups', () => {
  it('routes a configured phenomenon and maps a configured incident type', () => {
    expect(routeOf(DEFAULT_INVESTIGATIONS_CONFIG, 'woninginbraak')).toBe('Diefstallen');
    expect(phenomenonOf(DEFAULT_INVESTIGATIONS_CONFIG, 'Inbraak in woning')).toBe('woninginbraak');
    expect(phenomenonOf(DEFAULT_INVESTIGATIONS_CONFIG, 'Diefstal gewapenderhand')).toBe('diefstal_gewapenderhand');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'never takes what Object.prototype has for "%s" as a route or a phenomenon',
    (name) => {
      expect(routeOf(DEFAULT_INVESTIGATIONS_CONFIG, name)).toBeUndefined();
      expect(phenomenonOf(DEFAULT_INVESTIGATIONS_CONFIG, name)).toBe(name.toLowerCase());
    },
  );
});
