/**
 * @tandem/graph — Tandem's data in Microsoft 365 through Microsoft Graph: the client and its middleware,
 * provisioning of the SharePoint lists, the `Store` over them, batching, delta sync with a cache, the outbox,
 * and the Outlook and Teams operations. Browser-safe: Node-only parts live in `@tandem/graph/node`.
 */
export { createGraphClient, GraphClient } from './client/graphClient.js';
export { sendEarly } from './client/xhrMessageHandler.js';
export { defaultScopes } from './client/scopes.js';
export type { GraphClientOptions, GraphMethod, GraphRequestOptions, GraphResponse } from './client/graphClient.js';
export { GraphError } from './client/graphError.js';
export { defaultRetryPolicy } from './client/retryPolicy.js';
export type { RetryPolicy } from './client/retryPolicy.js';
export { localTokenProvider } from './client/localTokenProvider.js';
export { runBatch, runBatchOrThrow, maxBatchSize } from './batch/batch.js';
export type { BatchRequest, BatchResult } from './batch/batch.js';
export { provision, currentSchemaVersion, siteChanged } from './provisioning/provision.js';
export type { ProvisionResult } from './provisioning/provision.js';
export { resolveSite } from './provisioning/resolveSite.js';
export type { SiteRef } from './provisioning/resolveSite.js';
export { connectSite } from './provisioning/connectSite.js';
export { listSchemas, listSchemaOf, clientIdColumn, keyColumn, settingsListName } from './provisioning/listSchema.js';
export type { ListSchema, FieldColumn, ColumnType } from './provisioning/listSchema.js';
export { GraphStore } from './store/graphStore.js';
export type { GraphStoreOptions, InvalidItemHandler } from './store/graphStore.js';
export { listsByTitle } from './store/listPaths.js';
export type { SiteLists } from './store/listPaths.js';
export { decodeItem, encodeFields } from './store/itemCodec.js';
export type { GraphListItem, DecodedItem } from './store/itemCodec.js';
export { isRetryableFailure } from './store/storeErrors.js';
export { PortfolioCache, defaultPollIntervalMs } from './sync/portfolioCache.js';
export type { PortfolioCacheOptions, RefreshResult } from './sync/portfolioCache.js';
export { SyncedStore } from './sync/syncedStore.js';
export { MemoryCacheStorage, WebCacheStorage } from './sync/cacheStorage.js';
export type { CacheStorage, WebStorageLike } from './sync/cacheStorage.js';
export { Outbox } from './outbox/outbox.js';
export type { OutboxWrite, OutboxEntry, OutboxOptions, SubmitResult, FlushResult } from './outbox/outbox.js';
export { KeepingStore } from './outbox/keepingStore.js';
export type { BatchCreateStore, KeptCounts } from './outbox/keepingStore.js';
export { unreachableStore } from './outbox/unreachableStore.js';
export {
  readMailboxItem,
  recentMessages,
  meetingsBetween,
  conversationMessages,
  senderTaggedKeys,
  messageSummary,
  eventSummary,
} from './outlook/mailboxQueries.js';
export type { MailboxItemSummary } from './outlook/mailboxQueries.js';
export { ensureInitiativeCategory, categoryColorOf, categoryNameOf } from './outlook/categories.js';
export type { OutlookCategory } from './outlook/categories.js';
export { tagMailItem, untagMailItem, keysOnMailItem, linksExtensionName } from './outlook/tagging.js';
export type { MailItemRef, TagRequest, TagResult } from './outlook/tagging.js';
export { linkIdOf } from './outlook/linkId.js';
export { resolveTeamsMeeting } from './teams/meetings.js';
export type { ResolvedMeeting } from './teams/meetings.js';
export { postChannelMessage, escapeHtml } from './teams/channelMessages.js';
export type { ChannelMessageBody, PostedMessage } from './teams/channelMessages.js';
export { sendActivityNotification } from './teams/activityNotification.js';
export type { ActivityNotification } from './teams/activityNotification.js';
export { sendTandemNotifications } from './teams/tandemNotifications.js';
export type { NotificationResult } from './teams/tandemNotifications.js';
export { postWeeklyDigest } from './teams/weeklyDigest.js';
export type { PostedDigest } from './teams/weeklyDigest.js';
