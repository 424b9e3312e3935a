// The retention feature's public face for the app layer: who sees its navigation item. Its screen is routes/reviews.
export { RETENTION_ROLES } from './access';
