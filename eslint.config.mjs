import nx from '@nx/eslint-plugin';

// What the domain of a service may not touch: frameworks, I/O and the clock (architecture.md, rule 1).
const domainBannedImports = [
  { group: ['@nestjs/*'], message: 'The domain is pure: no NestJS in services/*/src/domain.' },
  { group: ['typeorm', 'typeorm/*', '@nestjs/typeorm'], message: 'The domain is pure: no TypeORM in services/*/src/domain.' },
  { group: ['kafkajs', 'kafkajs/*'], message: 'The domain is pure: no kafkajs in services/*/src/domain.' },
  { group: ['class-validator', 'class-transformer'], message: 'The domain is pure: validation belongs to the HTTP edge, not services/*/src/domain.' },
  { group: ['pg', 'pg/*', '@police/messaging', '@police/security', '@police/testing'], message: 'The domain is pure: no I/O in services/*/src/domain.' },
];
const clockMessage = 'The domain is pure: time comes in as command data (`now`), never from the clock.';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', 'coverage/**', '**/lint-fixtures/**', 'libs/api-client/src/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            // A service never imports another service: they talk over Kafka through contracts.
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing'] },
            // Contracts are the wire: nothing but class-validator and class-transformer.
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: [],
              allowedExternalImports: ['class-validator', 'class-transformer'],
            },
            // The embedded host is the one place that composes every service into one process.
            { sourceTag: 'type:host', onlyDependOnLibsWithTags: ['type:service', 'type:lib', 'type:contracts', 'type:testing'] },
          ],
        },
      ],
    },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: domainBannedImports }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: clockMessage },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: clockMessage },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'The domain is pure: no environment in services/*/src/domain.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain is pure: ids and randomness come in as command data.' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      // Tests read JSON answers whose shape the assertions check.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
];
