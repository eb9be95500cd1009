/**
 * Escapes text for Slack mrkdwn: without this, a "<" in approved material could form a link or
 * a mention (`<!channel>`). Formatting characters (*, _, ~, `) are left as they are.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack member as a mention; other ids (a CLI user such as `cli:alice`) as plain text. */
export function mentionOf(user: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(user) ? `<@${user}>` : escapeMrkdwn(user);
}

/** Plain-text fields (headers, buttons) cannot overflow silently: the caller must fit them. */
export function fitPlainText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
