// Operations (the IT desk): who sees its navigation item. Its screen is routes/operations.
export { OPS_ROLES } from './access';
