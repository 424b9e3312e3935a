// lint-as: services/evidence/src/commands/items/helpers.ts
// expect: police/file-role
export const helper = 1;
