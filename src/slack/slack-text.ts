/**
 * A Slack message's text as the rep typed it: the bot's own mention removed, other mentions,
 * channel links and URLs reduced to readable words, and Slack's HTML escapes undone.
 */
export function plainTextOf(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]+)>/g, (_, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return botUserId && target.slice(1) === botUserId ? ' ' : `@${label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!')) return `@${label ?? (target.slice(1).split('^')[0] ?? '')}`;
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}
