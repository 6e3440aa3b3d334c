export * from './system';
export * from './users';
export * from './applications';
export * from './oidc';
export * from './security';
export * from './messages';
export * from './one-time-tokens';
export * from './hooks';
