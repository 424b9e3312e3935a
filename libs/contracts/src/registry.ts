import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import * as declared from './contracts';

type Declared = typeof declared;
type Constructor = abstract new (...args: never[]) => object;

/** A contract class: a class with a static wire name `type`. */
type ContractClassOf<V> = V extends Constructor & { readonly type: string } ? V : never;

/** Every declared contract class. */
export type ContractClass = ContractClassOf<Declared[keyof Declared]>;

/** Every public wire name, `<context>.<Event>.v<N>`. */
export type ContractType = ContractClass['type'];

/** The payload shape of the contract named `T`. */
export type ContractPayload<T extends ContractType> = InstanceType<Extract<ContractClass, { readonly type: T }>>;

type ContractName = { [K in keyof Declared]: Declared[K] extends ContractClass ? K : never }[keyof Declared];

/** Every contract class `XyzV1` has a fixture `xyzV1Fixture` of its own type: checked by the compiler. */
type Fixtures = { [K in ContractName as `${Uncapitalize<K & string>}Fixture`]: InstanceType<Declared[K]> };
const fixtures: Fixtures = declared;

/** A declared contract: its wire name, class and example payload. */
export interface ContractEntry {
  readonly type: ContractType;
  /** The class name, e.g. `ItemRegisteredV1`. */
  readonly name: string;
  readonly contract: ContractClass;
  /** A valid example payload. */
  readonly fixture: object;
}

function buildRegistry(): ReadonlyMap<string, ContractEntry> {
  const byType = new Map<string, ContractEntry>();
  for (const [name, value] of Object.entries(declared)) {
    if (typeof value !== 'function' || typeof (value as { type?: unknown }).type !== 'string') continue;
    const contract = value as ContractClass;
    const fixture = (fixtures as unknown as Record<string, object | undefined>)[`${name[0].toLowerCase()}${name.slice(1)}Fixture`];
    if (!fixture) throw new Error(`Contract ${name} has no fixture`);
    const existing = byType.get(contract.type);
    if (existing) throw new Error(`Contracts ${existing.name} and ${name} share the type "${contract.type}"`);
    byType.set(contract.type, { type: contract.type, name, contract, fixture });
  }
  return new Map([...byType].sort(([a], [b]) => a.localeCompare(b)));
}

const registry = buildRegistry();

/** Every public contract, ordered by type. Built once from the list in `contracts.ts`; types are unique. */
export const CONTRACTS: readonly ContractEntry[] = [...registry.values()];

/** The contract named `type`, or undefined when no such contract is declared. */
export function findContract(type: string): ContractEntry | undefined {
  return registry.get(type);
}

/** True when `type` is the wire name of a declared contract. */
export function isContractType(type: string): type is ContractType {
  return registry.has(type);
}

/** One reason a payload was refused. `field` is a dotted path (`parties.0.role`), `$` for the payload itself. */
export interface FieldError {
  field: string;
  detail: string;
}

/** The outcome of {@link validateContract}: the typed value, or every field in error. */
export type ContractValidation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

/**
 * Checks an untrusted payload against the contract named `type`.
 *
 * Guarantees: `ok: true` only when the type is a declared contract and the payload is a JSON object that
 * satisfies every constraint, nested objects included, with no property the contract does not declare;
 * `value` is then an instance of the contract class. Otherwise `ok: false` with every field in error
 * (an unknown type is reported on field `type`). Error details never echo the offending values.
 */
export async function validateContract<T extends ContractType>(type: T, payload: unknown): Promise<ContractValidation<ContractPayload<T>>>;
export async function validateContract(type: string, payload: unknown): Promise<ContractValidation<object>>;
export async function validateContract(type: string, payload: unknown): Promise<ContractValidation<object>> {
  const entry = registry.get(type);
  if (!entry) return { ok: false, errors: [{ field: 'type', detail: `unknown contract type ${JSON.stringify(type.slice(0, 200))}` }] };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, errors: [{ field: '$', detail: 'payload must be a JSON object' }] };
  }
  const value = plainToInstance(entry.contract as unknown as new () => object, payload);
  const errors = await validate(value, VALIDATOR_OPTIONS);
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: fieldErrors(errors) };
}

function fieldErrors(errors: ValidationError[], parent?: string): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent === undefined ? e.property : `${parent}.${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((detail) => ({ field, detail }));
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}
