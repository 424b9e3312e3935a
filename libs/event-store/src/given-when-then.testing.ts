// The given/when/then helper of the domains' *.unit.spec.ts files (test code: uses Jest's expect; left
// out of the build). Imported as '@police/event-store/given-when-then'.
import type { DomainEvent } from './command-handler';
import { DomainError } from './errors';

export interface Folding<State, Event> {
  initialState(): State;
  evolve(state: State, event: Event): State;
}

export interface ExpectedError {
  code: string;
  status: 403 | 404 | 409 | 422;
  field?: string;
  message?: string | RegExp;
  type?: new (...args: never[]) => DomainError;
}

/** Events pass through JSON on their way to and from the store; so do they here. */
export function throughJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function specFor<State, Event extends DomainEvent>(folding: Folding<State, Event>) {
  const fold = (events: Event[]): State =>
    throughJson(events).reduce((state, event) => folding.evolve(state, event), folding.initialState());
  return {
    fold,
    given(...history: Event[]) {
      const state = fold(history);
      return {
        state,
        when(decide: (state: State) => Event | Event[]) {
          return {
            then(expected: Event[]): void {
              const decided = decide(state);
              const events = Array.isArray(decided) ? decided : [decided];
              expect(events).toStrictEqual(expected);
              expect(throughJson(events)).toStrictEqual(events);
            },
            thenThrows(expected: ExpectedError): void {
              let thrown: unknown;
              try {
                decide(state);
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(expected.type ?? DomainError);
              const error = thrown as DomainError;
              expect({ code: error.code, status: error.status, ...(expected.field !== undefined && { field: error.field }) }).toEqual({
                code: expected.code,
                status: expected.status,
                ...(expected.field !== undefined && { field: expected.field }),
              });
              if (expected.message !== undefined) expect(error.message).toMatch(expected.message);
            },
          };
        },
      };
    },
  };
}
