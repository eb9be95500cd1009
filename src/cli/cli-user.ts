import os from 'node:os';

/**
 * Who is at the terminal, for the audit record: the login name (USER / USERNAME, else the
 * operating system's account name), `cli` when none is known.
 */
export function cliUser(env: NodeJS.ProcessEnv): string {
  const named = env.USER ?? env.USERNAME;
  if (named && named.trim() !== '') return named.trim();
  try {
    return os.userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}
