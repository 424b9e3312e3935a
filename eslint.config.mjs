import { existsSync, readdirSync } from 'node:fs';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

// What the domain of a service may not touch: frameworks, I/O and the clock (docs/architecture.md, rule 1).
const domainBannedImports = [
  { group: ['@nestjs/*'], message: 'The domain is pure: no NestJS in services/*/src/domain.' },
  { group: ['typeorm', 'typeorm/*', '@nestjs/typeorm'], message: 'The domain is pure: no TypeORM in services/*/src/domain.' },
  { group: ['kafkajs', 'kafkajs/*'], message: 'The domain is pure: no kafkajs in services/*/src/domain.' },
  { group: ['class-validator', 'class-transformer'], message: 'The domain is pure: validation belongs to the HTTP edge, not services/*/src/domain.' },
  { group: ['pg', 'pg/*', '@police/messaging', '@police/security', '@police/testing'], message: 'The domain is pure: no I/O in services/*/src/domain.' },
];
const clockMessage = 'The domain is pure: time comes in as command data (`now`), never from the clock.';
// The one shared code a domain reaches: the pure domain kernel (errors, validators, values), never the store itself.
const domainKernelOnly = {
  regex: '^@police/event-store(?!/(domain|given-when-then)$)(/.*)?$',
  message: 'The domain imports the pure domain kernel (@police/event-store/domain), not the event store.',
};
const domainPuritySyntax = [
  'error',
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: clockMessage },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: clockMessage },
  { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'The domain is pure: no environment in services/*/src/domain.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain is pure: ids and randomness come in as command data.' },
];

// The console's layers (bulletproof-react): app → features → components/lib. A feature never imports
// another feature; lib and components import no feature and not the app.
const consoleSrc = 'apps/console/src';
const consoleFeatures = existsSync(consoleSrc + '/features')
  ? readdirSync(consoleSrc + '/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];
const crossFeature = (own) => ({
  files: [`${consoleSrc}/features/${own}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@/features/*', `!@/features/${own}`, `!@/features/${own}/**`, '../../*/**', '!../../' + own + '/**'],
            message: 'A feature does not import another feature: share through src/lib or src/components, or compose in src/app.',
          },
          { group: ['@/app', '@/app/**'], message: 'Features do not import the app layer; the app imports features.' },
        ],
      },
    ],
  },
});

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', 'coverage/**', '**/lint-fixtures/**', 'libs/api-client/src/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
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
            // The web console reaches the services over HTTP only, through the generated client (a lib).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            // The embedded host is the one place that composes every service into one process.
            { sourceTag: 'type:host', onlyDependOnLibsWithTags: ['type:service', 'type:lib', 'type:contracts', 'type:testing'] },
          ],
        },
      ],
    },
  },
  {
    files: [`${consoleSrc}/**/*.{ts,tsx}`],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...consoleFeatures.map(crossFeature),
  {
    files: [`${consoleSrc}/lib/**/*.{ts,tsx}`, `${consoleSrc}/components/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/features', '@/features/**', '@/app', '@/app/**'], message: 'src/lib and src/components are shared by every feature: they import no feature and not the app.' }] },
      ],
    },
  },
  {
    // The one exception: the catalogues compose each feature's own catalogue (features/<f>/i18n/nl.ts,
    // en.ts) under one top-level key (lib/i18n/features.ts: loaded with the feature's screens), so that
    // screens of parallel features add words without touching each other's. Nothing else of a feature.
    files: [`${consoleSrc}/lib/i18n/locales/*.ts`, `${consoleSrc}/lib/i18n/features.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@/(app(/.*)?|features(?!/[^/]+/i18n/(nl|en)$)(/.*)?)$',
              message: 'The catalogues import a feature\'s catalogue only (features/<f>/i18n/nl or en), nothing else of it, and not the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...domainBannedImports, domainKernelOnly] }],
      'no-restricted-syntax': domainPuritySyntax,
    },
  },
  {
    // The domain kernel is held to the domain's own rules; of its lib it reads only the pure errors (and types).
    files: ['libs/event-store/src/domain-kernel.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...domainBannedImports,
            { regex: '^(?!\\./errors$|\\./command-handler$)\\.', message: 'The domain kernel is pure: it imports only ./errors (and types).' },
            { regex: '^(?!\\.)', message: 'The domain kernel is pure: no package imports.' },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\./command-handler$', allowTypeImports: true, message: 'The domain kernel takes only types from the command handler.' }] },
      ],
      'no-restricted-syntax': domainPuritySyntax,
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
