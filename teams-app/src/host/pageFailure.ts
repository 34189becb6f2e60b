/**
 * What a page says when it cannot start, sorted by cause: what went wrong, what Graph or sign-in said word for word,
 * and what to try. A meeting without a chat, a site that is gone and a network that is down each need different advice.
 */
import { GraphError } from '@tandem/graph';
import { SignInError } from './signIn.js';

/** A failure as the page's failure screen shows it. */
export interface PageFailure {
  /** What went wrong, in one sentence: the screen's title. */
  title: string;
  /** What Graph or sign-in said, as it said it. */
  detail: string;
  /** What the user can try, and whom to ask. */
  advice: string;
}

/** What the page was doing when `error` stopped it. */
type PageActivity = 'loading' | 'signing out';

/** How the failure is described. */
export interface FailureOptions {
  /** What the page was doing. @default 'loading' */
  activity?: PageActivity;
  /** How the user starts the page again, as the end of a sentence. @default 'reload the tab' */
  retry?: string;
}

const askAdministrator = 'if it keeps failing, ask your administrator whether Tandem is set up on your site.';

/** Describes `error` for the failure screen (see {@link PageFailure}). */
export function describeFailure(error: unknown, options: FailureOptions = {}): PageFailure {
  const { activity = 'loading', retry = 'reload the tab' } = options;
  const Retry = sentenceStart(retry);
  const detail = error instanceof Error ? error.message : String(error);
  if (activity === 'signing out') {
    return { title: 'Tandem could not sign you out.', detail, advice: `${Retry} and sign out again.` };
  }
  if (error instanceof SignInError) {
    return {
      title: 'Tandem could not sign you in.',
      detail,
      advice:
        error.code === 'interaction-required'
          ? `${Retry} and sign in when asked. If your organisation approves apps first, ask your administrator to consent to Tandem.`
          : `${Retry}; ${askAdministrator}`,
    };
  }
  if (error instanceof GraphError) return describeGraphFailure(error, detail, retry);
  return {
    title: 'Tandem could not load your data.',
    detail,
    advice: `Check your connection and ${retry}; ${askAdministrator}`,
  };
}

function describeGraphFailure(error: GraphError, detail: string, retry: string): PageFailure {
  const Retry = sentenceStart(retry);
  if (error.status === 0) {
    return {
      title: 'Tandem could not reach Microsoft 365.',
      detail,
      advice: `Check your connection and ${retry}.`,
    };
  }
  if (error.status === 401) {
    return {
      title: 'Microsoft 365 did not accept your sign-in.',
      detail,
      advice: `${Retry} to sign in again; ${askAdministrator}`,
    };
  }
  if (error.status === 403) {
    return {
      title: 'You do not have access to the site Tandem keeps its lists on.',
      detail,
      advice: "Ask the site's owner for access: reading the site is enough to see the roadmap.",
    };
  }
  if (error.status === 404 && /^\w+ \/(me\/)?(chats|onlineMeetings)\b/.test(error.request)) {
    return {
      title: "Tandem could not find this meeting's chat.",
      detail,
      advice:
        "Open Tandem from the meeting's side panel in Teams. A meeting without a chat, or whose chat you are not in, cannot be linked.",
    };
  }
  if (error.status === 404 && /^\w+ \/sites\//.test(error.request)) {
    return {
      title: 'Tandem could not find its site or its lists.',
      detail,
      advice:
        "Check which site Tandem is set up on (in Teams, the tab's settings). If the site was moved or deleted, or Tandem's lists removed, ask your administrator.",
    };
  }
  if (error.status === 429 || error.status === 503 || error.code === 'retriesExhausted') {
    return {
      title: 'Microsoft 365 is busy.',
      detail,
      advice: `Wait a minute and ${retry}; nothing was changed.`,
    };
  }
  return {
    title: 'Tandem could not load your data.',
    detail,
    advice: `${Retry}; ${askAdministrator}`,
  };
}

/** `reload the tab` → `Reload the tab`, to open a sentence. */
function sentenceStart(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
