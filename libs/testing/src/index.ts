export * from './database';
export * from './eventually';
export * from './gateway';
export * from './keycloak';
export * from './oidc-host';
export * from './processes';
export * from './tcp-proxy';
