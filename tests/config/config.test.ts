import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { RepbotError } from '../../src/core/errors.js';

describe('loadConfig', () => {
  it('works with an empty environment: offline defaults', () => {
    const config = loadConfig({}, {}, '/srv/repbot');
    expect(config.knowledgeDir).toBe('/srv/repbot/knowledge');
    expect(config.dataDir).toBe('/srv/repbot/.repbot');
    expect(config.embeddings.provider).toBe('local');
    expect(config.maxFileBytes).toBe(25 * 1024 * 1024);
  });

  it('lets command-line options win over the environment', () => {
    const config = loadConfig({ KNOWLEDGE_DIR: 'a', REPBOT_DATA_DIR: 'b' }, { knowledgeDir: 'c' }, '/x');
    expect(config.knowledgeDir).toBe('/x/c');
    expect(config.dataDir).toBe('/x/b');
  });

  it('names the variable and the fix when a value is malformed', () => {
    let error: unknown;
    try {
      loadConfig({ REPBOT_MAX_FILE_MB: 'lots', REPBOT_EMBEDDINGS: 'magic' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RepbotError);
    const message = (error as RepbotError).message;
    expect((error as RepbotError).code).toBe('CONFIG_INVALID');
    expect(message).toContain('REPBOT_MAX_FILE_MB');
    expect(message).toContain('positive whole number');
    expect(message).toContain('REPBOT_EMBEDDINGS');
    expect(message).toContain('.env.example');
  });

  it('asks for the key and model a remote embedding provider needs', () => {
    expect(() => loadConfig({ REPBOT_EMBEDDINGS: 'openai' })).toThrow(/OPENAI_API_KEY.*\n.*REPBOT_EMBEDDINGS_MODEL/s);
    expect(() => loadConfig({ REPBOT_EMBEDDINGS: 'openai-compatible', REPBOT_EMBEDDINGS_MODEL: 'm' })).toThrow(
      /REPBOT_EMBEDDINGS_BASE_URL/,
    );
    expect(() => loadConfig({ REPBOT_EMBEDDINGS: 'ollama', OLLAMA_BASE_URL: 'localhost' })).toThrow(/OLLAMA_BASE_URL: must be an http/);
  });

  it('.env.example lists every variable the code reads', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const source = fs
      .readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
      .join('\n');
    const read = new Set(
      [...source.matchAll(/\b((?:REPBOT|SLACK|OPENAI|OLLAMA|ANTHROPIC|LLM|KNOWLEDGE)_[A-Z0-9_]*)\b/g)].map((m) => m[1]),
    );
    const errorCodes = new Set(['KNOWLEDGE_DIR_MISSING']);
    const missing = [...read].filter((name): name is string => name !== undefined && !documented.has(name) && !errorCodes.has(name));
    expect(missing).toEqual([]);
  });
});
