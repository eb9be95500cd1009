#!/usr/bin/env node
// Runs the compiled CLI; `npm install` compiles it (the "prepare" script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('repbot: the compiled CLI is missing — run `npm install` (or `npm run build`) in the repbot folder first.\n');
  process.exit(1);
}
// Settings may come from a .env file in the working folder; the environment wins over it.
if (existsSync('.env')) process.loadEnvFile('.env');
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
