import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

// What the domain of a service may not touch: frameworks, I/O and the clock (docs/architecture.md, rule 1).
const domainBannedImports = [
  { group: ['@nestjs/*'], message: 'The domain is pure: no NestJS in services/*/src/domain.' },
  { group: ['typeorm', 'typeorm/*', '@nestjs/typeorm'], message: 'The domain is pure: no TypeORM in services/*/src/domain.' },
  { group: ['kafkajs', 'kafkajs/*'], message: 'The domain is pure: no kafkajs in services/*/src/domain.' },
  {
    group: ['class-validator', 'class-transformer'],
    message: 'The domain is pure: validation belongs to the HTTP edge, not services/*/src/domain.',
  },
  {
    group: ['pg', 'pg/*', '@police/messaging', '@police/security', '@police/testing'],
    message: 'The domain is pure: no I/O in services/*/src/domain.',
  },
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
  {
    selector: "MemberExpression[object.name='process'][property.name='env']",
    message: 'The domain is pure: no environment in services/*/src/domain.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'The domain is pure: ids and randomness come in as command data.',
  },
];

// The console's layers (bulletproof-react): app → features → components/lib. A feature never imports
// another feature; lib and components import no feature and not the app.
const consoleSrc = 'apps/console/src';
const consoleFeatures = existsSync(consoleSrc + '/features')
  ? readdirSync(consoleSrc + '/features', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
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

// A service's layers (docs/adr/0050): commands/ (write routes and their bodies), queries/ (read routes, their
// query strings, documents), read-model/ (rows, projections, views: what both answer with), integration/
// (Kafka consumers and public contracts), domain/ (pure). commands/ and queries/ never import each other;
// read-model/ imports neither; integration/ imports neither; all of them may import domain/, read-model/ and
// the service's root files (<service>.access.ts, .config.ts, .aggregates.ts, ...).
const layerImport = (layer) => ({
  regex: `^\\.{1,2}/(?:\\.\\./)*${layer}(?:/|$)`,
  message: `Layers: this file may not import from ${layer}/ (docs/adr/0050-strict-layers.md). Shared code goes to read-model/, domain/ or the service's root files.`,
});
const routeDecorators = (names, why) => ({ name: '@nestjs/common', importNames: names, message: why });
const layerRules = {
  commands: {
    patterns: [layerImport('queries'), layerImport('integration')],
    paths: [routeDecorators(['Get', 'Sse'], 'GET routes live under queries/, never under commands/ (docs/adr/0050-strict-layers.md).')],
  },
  queries: {
    patterns: [layerImport('commands'), layerImport('integration')],
    paths: [
      routeDecorators(
        ['Post', 'Put', 'Patch', 'Delete'],
        'Routes that change things live under commands/ (docs/adr/0050-strict-layers.md).',
      ),
    ],
  },
  'read-model': {
    patterns: [layerImport('commands'), layerImport('queries'), layerImport('integration')],
    paths: [
      routeDecorators(
        ['Controller', 'Get', 'Post', 'Put', 'Patch', 'Delete', 'Sse'],
        'read-model/ holds rows, projections and views, no routes.',
      ),
    ],
  },
  integration: { patterns: [layerImport('commands'), layerImport('queries')], paths: [] },
};

// File names say their role: <name>.<role>.ts, with the roles each layer keeps (README, "Where things are").
const FILE_ROLES = {
  domain: ['decide', 'commands', 'events', 'state', 'errors', 'guards', 'stream', 'validate', 'read-model', 'query'],
  commands: ['http', 'request'],
  queries: ['http', 'query', 'document'],
  'read-model': ['read-model', 'projection', 'view', 'file'],
  integration: ['consumer', 'public', 'events'],
};
const filePlugin = {
  rules: {
    'file-role': {
      meta: {
        type: 'suggestion',
        schema: [{ type: 'object', properties: { layer: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } } }],
      },
      create(context) {
        const { layer, roles } = context.options[0];
        const base = path.basename(context.filename);
        if (base.endsWith('.spec.ts') || roles.some((r) => base.endsWith(`.${r}.ts`))) return {};
        return {
          Program(node) {
            context.report({
              node,
              message: `${base}: a file under ${layer}/ is named <name>.<role>.ts, role one of ${roles.join(', ')} (README, "Where things are").`,
            });
          },
        };
      },
    },
    'root-file-role': {
      meta: { type: 'suggestion', schema: [] },
      create(context) {
        const base = path.basename(context.filename);
        if (base.endsWith('.spec.ts') || /^(main|index)\.ts$/.test(base) || /^[a-z]+\.[a-z-]+\.ts$/.test(base)) return {};
        return {
          Program(node) {
            context.report({ node, message: `${base}: a file at a service's root is <service>.<role>.ts, main.ts or index.ts.` });
          },
        };
      },
    },
  },
};

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.nx/**',
      'coverage/**',
      '**/lint-fixtures/**',
      'libs/api-client/src/generated/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
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
        {
          patterns: [
            {
              group: ['@/features', '@/features/**', '@/app', '@/app/**'],
              message: 'src/lib and src/components are shared by every feature: they import no feature and not the app.',
            },
          ],
        },
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
              message:
                "The catalogues import a feature's catalogue only (features/<f>/i18n/nl or en), nothing else of it, and not the app.",
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
            {
              regex: '^(?!\\./errors$|\\./command-handler$)\\.',
              message: 'The domain kernel is pure: it imports only ./errors (and types).',
            },
            { regex: '^(?!\\.)', message: 'The domain kernel is pure: no package imports.' },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./command-handler$',
              allowTypeImports: true,
              message: 'The domain kernel takes only types from the command handler.',
            },
          ],
        },
      ],
      'no-restricted-syntax': domainPuritySyntax,
    },
  },
  ...Object.entries(layerRules).map(([layer, { patterns, paths }]) => ({
    files: [`services/*/src/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
  })),
  ...Object.entries(FILE_ROLES).map(([layer, roles]) => ({
    files: [`services/*/src/${layer}/**/*.ts`],
    plugins: { police: filePlugin },
    rules: { 'police/file-role': ['error', { layer, roles }] },
  })),
  {
    files: ['services/*/src/*.ts'],
    plugins: { police: filePlugin },
    rules: { 'police/root-file-role': 'error' },
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
