// class-transformer keeps its `@Type` metadata here; the package declares the module under types/ only.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';

/** @nestjs/swagger's metadata key of `@ApiProperty` (its constants module is not exported). */
const SWAGGER_PROPERTIES = 'swagger/apiModelProperties';

/** A JSON Schema (2020-12, as OpenAPI 3.1 and AsyncAPI 3 take it), as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator keys its metadata by constructor
type Constructor = Function;

/** The JSON Schema of a custom constraint, fixed or built from the constraint's arguments (`ValidateBy({ constraints })`). */
export type ValidatorSchema = JsonSchema | ((constraints: unknown[]) => JsonSchema);

/**
 * JSON Schemas of the class-validator constraints that class-validator-jsonschema does not know, by
 * constraint name: built-in ones here, the project's own where they are declared ({@link describeValidator}).
 * A custom constraint not described is documented by its property's type only.
 */
const VALIDATOR_SCHEMAS: Record<string, ValidatorSchema> = {
  isRFC3339: { type: 'string', format: 'date-time' },
};

/** Says, once, beside a custom class-validator constraint, what it accepts in JSON Schema terms (for every document). */
export function describeValidator(name: string, schema: ValidatorSchema): void {
  VALIDATOR_SCHEMAS[name] = schema;
}

/** Properties required only when another property has a value ({@link describeRequiredWhen}), by class. */
const REQUIRED_WHEN = new Map<Constructor, { property: string; field: string; value: string }[]>();

/** Says, beside the rule that enforces it, that a class's `property` is required when `field` is `value`. */
export function describeRequiredWhen(cls: Constructor, property: string, field: string, value: string): void {
  REQUIRED_WHEN.set(cls, [...(REQUIRED_WHEN.get(cls) ?? []), { property, field, value }]);
}

/** JSON Schema's `if`/`then` of a class's conditional requirements (several go under `allOf`). */
function conditionalRequirements(cls: Constructor): JsonSchema {
  const conditions = (REQUIRED_WHEN.get(cls) ?? []).map(({ property, field, value }) => ({
    if: { properties: { [field]: { const: value } }, required: [field] },
    then: { required: [property] },
  }));
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0] : { allOf: conditions };
}

function validatorConverters(): ISchemaConverters {
  return Object.fromEntries(
    Object.entries(VALIDATOR_SCHEMAS).map(([name, schema]) => [
      name,
      (meta: { constraints?: unknown[] }) => (typeof schema === 'function' ? schema(meta.constraints ?? []) : schema),
    ]),
  ) as ISchemaConverters;
}

/**
 * class-validator-jsonschema gives `@Min`, `@Max` and `@IsPositive` the type `number` and merges the
 * constraints of a property in declaration order, so `@IsInt() @Min(1)` would lose `integer`: the bounds
 * here carry no type of their own.
 */
const BOUNDS: ISchemaConverters = {
  min: (meta) => ({ minimum: meta.constraints[0] as number }),
  max: (meta) => ({ maximum: meta.constraints[0] as number }),
  isPositive: { exclusiveMinimum: 0 } as never,
};

const SWAGGER_DOCS = ['description', 'example', 'examples', 'default', 'deprecated', 'title'] as const;

/** What a property's `@ApiProperty` says for readers (never a constraint: those come from class-validator). */
function swaggerDocs(cls: Constructor, property: string): JsonSchema {
  const meta = Reflect.getMetadata(SWAGGER_PROPERTIES, cls.prototype, property) as Record<string, unknown> | undefined;
  if (!meta) return {};
  return Object.fromEntries(SWAGGER_DOCS.filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]]));
}

function nullable(cls: Constructor, property: string): boolean {
  const meta = Reflect.getMetadata(SWAGGER_PROPERTIES, cls.prototype, property) as { nullable?: boolean } | undefined;
  return meta?.nullable === true;
}

/** `@IsInt()` anywhere on a property makes it an integer, whatever else it carries. */
function integerProperties(cls: Constructor): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(cls, '', true, false)
      .filter(
        (m) =>
          m.name === 'isInt' ||
          (m.type === ValidationTypes.CUSTOM_VALIDATION &&
            m.constraintCls &&
            getMetadataStorage().getTargetValidatorConstraints(m.constraintCls)[0]?.name === 'isInt'),
      )
      .map((m) => m.propertyName),
  );
}

/** The classes a class validates nested (`@ValidateNested()` with `@Type(() => X)`). */
function nestedClasses(cls: Constructor): Constructor[] {
  const storage = getMetadataStorage();
  return storage
    .getTargetValidationMetadatas(cls, '', true, false)
    .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION)
    .map(
      (m) =>
        (defaultMetadataStorage.findTypeMetadata(cls, m.propertyName)?.typeFunction() ??
          Reflect.getMetadata('design:type', cls.prototype, m.propertyName)) as Constructor,
    )
    .filter((c) => typeof c === 'function' && ![String, Number, Boolean, Object, Array].includes(c as never));
}

/**
 * The JSON Schema of each class and of every class it validates nested, by class name, derived from the
 * class-validator constraints that validate them (the same metadata the validation pipe and the
 * contract validation read): types, enums, formats, lengths, patterns, bounds, array sizes, required
 * properties, and those required only when another property has a value; unknown properties are refused (`additionalProperties: false`, as the pipe refuses them)
 * and `null` is allowed only where `@ApiProperty({ nullable: true })` says so. `@ApiProperty` adds the
 * description, example and default. Nested classes are `$ref`s to `<refPrefix><ClassName>`.
 *
 * Throws when two different classes of the same name would meet in one set of schemas.
 */
export function classSchemas(roots: Constructor[], refPrefix: string): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  const classes = new Map<string, Constructor>();
  const queue = [...roots];
  while (queue.length > 0) {
    const cls = queue.shift()!;
    const known = classes.get(cls.name);
    if (known === cls) continue;
    if (known) throw new Error(`Two request classes are named ${cls.name}: rename one, their schemas would be confused in one document`);
    classes.set(cls.name, cls);
    const derived = targetConstructorToSchema(cls, {
      classValidatorMetadataStorage: getMetadataStorage(),
      classTransformerMetadataStorage: defaultMetadataStorage,
      refPointerPrefix: refPrefix,
      additionalConverters: { ...validatorConverters(), ...BOUNDS },
    }) as JsonSchema;
    const integers = integerProperties(cls);
    const properties: Record<string, JsonSchema> = {};
    for (const [name, schema] of Object.entries((derived.properties ?? {}) as Record<string, JsonSchema>)) {
      let property: JsonSchema = { ...schema, ...swaggerDocs(cls, name) };
      if (integers.has(name)) property = { ...property, type: 'integer' };
      if (nullable(cls, name)) property = { anyOf: [property, { type: 'null' }] };
      properties[name] = property;
    }
    schemas[cls.name] = {
      type: 'object',
      properties,
      ...(derived.required ? { required: derived.required } : {}),
      ...conditionalRequirements(cls),
      additionalProperties: false,
    };
    queue.push(...nestedClasses(cls));
  }
  return schemas;
}
