import { describe, expect, it } from 'vitest';
import { foundWords, markWords, referenceFound } from './highlight';

describe('search highlights', () => {
  it('takes the words the API marked in the snippet and the searched words, not excluded ones', () => {
    const hit = {
      snippet: [
        { text: 'Mijn twee ', match: false },
        { text: 'fietsen', match: true },
        { text: ' werden gestolen', match: false },
      ],
    };
    expect(foundWords('Fiets -auto or "Sint-Pieters" de', hit)).toEqual(['fiets', 'sint-pieters', 'fietsen']);
  });

  it('marks every word that starts with a found word, case and accents aside', () => {
    expect(markWords('aangifte fietsdiefstal', ['fiets'])).toEqual([
      { text: 'aangifte ', match: false },
      { text: 'fietsdiefstal', match: true },
    ]);
    expect(markWords('Inbraak Émile Muide', ['emile', 'muide'])).toEqual([
      { text: 'Inbraak ', match: false },
      { text: 'Émile', match: true },
      { text: ' ', match: false },
      { text: 'Muide', match: true },
    ]);
    expect(markWords('niets', [])).toEqual([{ text: 'niets', match: false }]);
  });

  it('finds the references that hold a searched number', () => {
    expect(referenceFound('GE.55.L5.004242/2026', '004242/2026')).toBe(true);
    expect(referenceFound('GE.55.L5.004242/2026', 'ge.55.l5.0042 fiets')).toBe(true);
    expect(referenceFound('GE.55.L5.004242/2026', 'fiets')).toBe(false);
    expect(referenceFound('GE.55.L5.004242/2026', '-004242')).toBe(false);
  });
});
