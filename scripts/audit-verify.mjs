#!/usr/bin/env node
// `npm run audit:verify -- --checkpoints <file.jsonl> --public-key <key.pem> --database <postgres url>`:
// compares a database with its signed audit checkpoints (ADR 0052) and names what is missing or changed.
// Exit 0: everything anchored is there; 1: something is not; 2: the command line or a file is wrong.
// Compiles the workspace (incrementally) first, as `npm start` does.
import { build, ensureDependencies, run } from './start.mjs';

ensureDependencies();
build();
run('libs/event-store/src/audit-verify.main.js', process.argv.slice(2));
