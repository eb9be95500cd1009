// One `ask` in a fresh Node process, as `repbot ask --json` runs it (built code in dist/, the
// default services: real compliance filter, offline). Used by bench/answer-bench.ts to time the
// whole process. Usage: node bench/ask-once.mjs <knowledgeDir> <dataDir> "<question>"
import { loadConfig } from '../dist/config/config.js';
import { createServices } from '../dist/services/create-services.js';
import { toReply } from '../dist/answering/reply-document.js';

const [knowledgeDir, dataDir, question] = process.argv.slice(2);
const services = await createServices(loadConfig(process.env, { knowledgeDir, dataDir }));
const reply = toReply(await services.ask(question));
process.stdout.write(`${JSON.stringify(reply)}\n`);
