/**
 * The delegated scopes Tandem's operations need (why each is needed: the README's "Connect a real tenant"). Its own
 * module, so that a page can sign in before the Graph client's code has loaded.
 */
export const defaultScopes: readonly string[] = [
  'Sites.ReadWrite.All',
  'Mail.ReadWrite',
  'Calendars.ReadWrite',
  'MailboxSettings.ReadWrite',
  'OnlineMeetings.Read',
  'Chat.ReadBasic',
  'ChannelMessage.Send',
  'TeamsActivity.Send',
];
