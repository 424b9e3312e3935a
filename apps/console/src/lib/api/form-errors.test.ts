import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { applyProblemToForm } from './form-errors';
import { problemMessage } from './messages';
import { PROBLEM_BASE, ProblemError } from './problem';

const i18n = initI18n('nl');
const t = i18n.getFixedT('nl');

function fakeForm(values: unknown) {
  const errors: Record<string, string> = {};
  return { errors, getValues: () => values, setFieldError: (p: string, e: string) => (errors[p] = e) };
}

describe('problems in plain words, beside their fields', () => {
  const values = { appointmentRef: '', timeWindow: { from: null, to: null }, parties: [{ name: '', roles: [] }], narrative: '' };

  it('puts each errors[].field on the form field of the same path, aliases where the API names an object, and returns the rest', () => {
    const form = fakeForm(values);
    const problem = new ProblemError(400, {
      type: `${PROBLEM_BASE}validation`,
      errors: [
        { field: 'parties.0.name', detail: 'name must be longer than or equal to 1 characters' },
        { field: 'timeWindow', detail: 'An aangifte or klacht says when it happened' },
        { field: 'parties[0].roles', detail: 'Every party has one or more distinct roles' },
        { field: 'If-Match', detail: 'must be an ETag such as "3"' },
      ],
    });
    const rest = applyProblemToForm(form, problem, t, { timeWindow: 'timeWindow.from' });
    expect(form.errors).toEqual({
      'parties.0.name': 'name must be longer than or equal to 1 characters',
      'timeWindow.from': 'An aangifte or klacht says when it happened',
      'parties.0.roles': 'Every party has one or more distinct roles',
    });
    expect(rest).toEqual([{ field: 'If-Match', detail: 'must be an ETag such as "3"' }]);
  });

  it('translates a domain code beside its field and in the alert; falls back to the server words', () => {
    const form = fakeForm(values);
    const coded = new ProblemError(422, {
      type: `${PROBLEM_BASE}appointment-required`,
      code: 'appointment_required',
      detail: 'Office apg takes reports by appointment only',
      errors: [{ field: 'appointmentRef', detail: 'Office apg takes reports by appointment only' }],
    });
    applyProblemToForm(form, coded, t);
    expect(form.errors.appointmentRef).toBe(
      'Dit kantoor werkt op afspraak: vul de afspraakreferentie in, of duid aan dat het dringend is.',
    );
    expect(problemMessage(t, coded)).toBe(form.errors.appointmentRef);
    expect(problemMessage(t, new ProblemError(412, { type: `${PROBLEM_BASE}precondition-failed` }))).toMatch(
      /^Iemand anders heeft dit intussen gewijzigd/,
    );
    expect(problemMessage(t, new ProblemError(409, { type: `${PROBLEM_BASE}something-new`, detail: 'A server sentence' }))).toBe(
      'A server sentence',
    );
    expect(problemMessage(t, new ProblemError(0, { type: `${PROBLEM_BASE}network` }))).toMatch(/niet bereikbaar/);
  });
});
