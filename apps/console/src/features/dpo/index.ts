// The DPO feature's public face for the app layer: who sees its navigation item. Its screen is routes/consultation-log.
export { CONSULTATION_LOG_ROLES } from './access';
