// Loaded before every test file: decorators need reflect-metadata, and test output stays quiet.
require('reflect-metadata');
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
