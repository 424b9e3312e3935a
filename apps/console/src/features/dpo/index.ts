// The DPO feature's public face for the app layer: who sees its navigation items. Its screens are routes/consultation-log
// and routes/data-subjects.
export { CONSULTATION_LOG_ROLES, DATA_SUBJECT_ROLES } from './access';
