// Containers started by this Jest run are stopped with it. Native servers stay up for the next run
// (`npm run infra:down` stops them); the test orchestrator stops the ones it started itself.
module.exports = async function globalTeardown() {
  const infra = globalThis.__POLICE_INFRA__;
  if (infra && infra.source === 'testcontainers') await infra.stop();
};
