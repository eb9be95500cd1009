import type { App, webApi } from '@slack/bolt';
import { loadContentGaps } from '../../feedback/load-content-gaps.js';
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
    const contentGaps = admin ? await loadContentGaps(deps.feedback, { from: daysAgo(deps.now(), GAPS_DAYS) }) : undefined;
    const trainer = deps.trainers.configured
      ? await deps.trainers.isTrainer(user, client).catch((error: unknown) => {
          reportFailure(deps.logger, 'checking trainers group membership', error, { user });
          return false;
        })
      : false;
    const training = trainer ? deps.services.training.summary({ from: daysAgo(deps.now(), GAPS_DAYS) }) : undefined;
    const view = buildHomeView({
      status,
      admin,
      ...(contentGaps ? { contentGaps, contentGapsPeriod: `last ${GAPS_DAYS} days` } : {}),
      ...(training ? { training, trainingPeriod: `Last ${GAPS_DAYS} days` } : {}),
    });
    await client.views.publish({ user_id: user, view });
  } catch (error) {
    const ref = reportFailure(deps.logger, 'publishing App Home', error, { user });
    await client.views.publish({ user_id: user, view: buildErrorHomeView(ref) }).catch((again: unknown) => reportFailure(deps.logger, `showing failure ${ref} in App Home`, again, { user }));
  }
}

/** App Home shows the content gaps of this many days; `repbot gaps` reports any period. */
const GAPS_DAYS = 30;

function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
