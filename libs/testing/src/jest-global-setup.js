// Integration and e2e runs need real servers: resolve them once per Jest run (a no-op when the
// orchestrator already put DATABASE_URL and KAFKA_BROKERS in the environment).
const { resolveInfrastructure } = require('./infrastructure.cjs');

module.exports = async function globalSetup() {
  const infra = await resolveInfrastructure({ log: () => {} });
  globalThis.__POLICE_INFRA__ = infra;
};
