#!/usr/bin/env node
// `nx build console`: the production build of the web console into apps/console/dist (always rebuilt;
// `npm start` rebuilds only when the sources changed).
import { buildConsole } from '../../../scripts/start.mjs';

buildConsole({ force: true });
