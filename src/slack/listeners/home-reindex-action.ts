import type { App, BlockButtonAction } from '@slack/bolt';
import { HOME_REINDEX_ACTION } from '../blocks/home-view.js';
import { reindexFor } from '../reindex-flow.js';
import type { SlackDeps } from '../slack-deps.js';
import { publishHome } from './app-home-opened.js';

/** "Re-index now" in App Home (admins only): the summary arrives as a DM, then Home refreshes. */
export function registerHomeReindexAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(HOME_REINDEX_ACTION, async ({ ack, body, client }) => {
    await ack();
    const user = body.user.id;
    await deps.work.track(
      (async () => {
        await reindexFor(deps, client, user, async (message) => {
          await client.chat.postMessage({ channel: user, text: message.text, blocks: message.blocks });
        });
        await publishHome(deps, client, user);
      })(),
    );
  });
}
