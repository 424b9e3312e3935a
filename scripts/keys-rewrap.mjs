#!/usr/bin/env node
// `npm run keys:rewrap -- --database <postgres url> --schema <service>`, with EVENT_KEY_ENCRYPTION_KEY (the new
// key-encryption key) and EVENT_KEY_ENCRYPTION_KEY_PREVIOUS (the old) in the environment: moves every data key
// of crypto-shredding to the new key (ADR 0060). Exit 0: all moved; 1: some are still under another key; 2: the
// command line or a key is wrong. Compiles the workspace (incrementally) first, as `npm start` does.
import { build, ensureDependencies, run } from './start.mjs';

ensureDependencies();
build();
run('libs/platform/src/keys-rewrap.main.js', process.argv.slice(2));
