// The chief's dashboard: who sees its navigation item. Its screen is routes/zone-dashboard.
export { DASHBOARD_ROLES } from './access';
