export * from './database';
export * from './eventually';
export * from './keycloak';
export * from './oidc-host';
export * from './processes';
