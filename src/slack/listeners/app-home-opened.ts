import type { App, webApi } from '@slack/bolt';
import { buildErrorHomeView } from '../blocks/error-home-view.js';
import { buildHomeView } from '../blocks/home-view.js';
import { reportFailure } from '../failure-report.js';
import type { SlackDeps } from '../slack-deps.js';

/** App Home: the knowledge status for everyone; admin actions and content gaps for medical affairs. */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await deps.work.track(publishHome(deps, client, event.user));
  });
}

/** Also used after a re-index from the Home tab. */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, user: string): Promise<void> {
  try {
    const admin = await deps.admins.isAdmin(user, client).catch((error: unknown) => {
      reportFailure(deps.logger, 'checking medical-affairs group membership', error, { user });
      return false;
    });
    const status = await deps.services.status();
    const contentGaps = admin ? await deps.feedback.recent({ rating: 'down', limit: 50 }) : [];
    await client.views.publish({ user_id: user, view: buildHomeView({ status, admin, contentGaps }) });
  } catch (error) {
    const ref = reportFailure(deps.logger, 'publishing App Home', error, { user });
    await client.views.publish({ user_id: user, view: buildErrorHomeView(ref) }).catch((again: unknown) => reportFailure(deps.logger, `showing failure ${ref} in App Home`, again, { user }));
  }
}
