// Every public contract, one line each. Adding a contract is its file plus one line here: the registry
// and the exports pick it up from this list. A published `vN` is never edited; `vN+1` goes beside it.
export * from './evidence/custody-transferred.v1';
export * from './evidence/item-disposed.v1';
export * from './evidence/item-registered.v1';
export * from './evidence/lab-result-received.v1';
export * from './integrity/complaint-received.v1';
export * from './investigations/investigation-assigned.v1';
export * from './investigations/investigation-closed.v1';
export * from './investigations/investigation-opened.v1';
export * from './investigations/investigation-reopened.v1';
export * from './reports/found-object-declared.v1';
export * from './reports/loss-declared.v1';
export * from './reports/police-conduct-complaint-filed.v1';
export * from './reports/report-referred-for-investigation.v1';
