// lint-as: services/evidence/src/utils.ts
// expect: police/root-file-role
export const helper = 1;
