// The public face of @tandem/core: everything other packages may use is exported here, and only here.

// Keys
export {
  KEY_PREFIXES,
  KEYED_KINDS,
  KEY_PATTERN_SOURCE,
  MAX_KEY_NUMBER,
  formatKey,
  parseKey,
  nextKey,
  isEntityKey,
  isKeyOf,
} from './keys/entityKey.js';
export type { KeyedKind, KeyPrefix, ParsedKey } from './keys/entityKey.js';

// Errors
export { StoreError, ConflictError, NotFoundError, ValidationError } from './errors/storeErrors.js';
export type { StoreErrorCode, ValidationIssue } from './errors/storeErrors.js';

// Model
export {
  idSchema,
  isoDateSchema,
  timestampSchema,
  titleSchema,
  textSchema,
  urlSchema,
  personRefSchema,
  anyKeySchema,
  keySchema,
  percentSchema,
} from './model/common.js';
export type { PersonRef } from './model/common.js';
export {
  objectiveKinds,
  objectiveStatuses,
  keyResultDirections,
  initiativeStatuses,
  riceImpacts,
  kpiDirections,
  decisionStatuses,
  approverSides,
  healthStatuses,
  ideaStatuses,
  linkKinds,
  auditedKinds,
  auditActions,
  SETTINGS_TARGET_KEY,
  SITE_SETTINGS_ID,
  governanceSides,
  defaultSiteSettings,
} from './model/vocabulary.js';
export type {
  KeyResultDirection,
  InitiativeStatus,
  KpiDirection,
  HealthStatus,
  LinkKind,
  AuditedKind,
} from './model/vocabulary.js';
export { objectiveSchema } from './model/objective.js';
export type { Objective } from './model/objective.js';
export { keyResultSchema } from './model/keyResult.js';
export type { KeyResult } from './model/keyResult.js';
export { initiativeSchema } from './model/initiative.js';
export type { Initiative } from './model/initiative.js';
export { kpiSchema, kpiMeasurementSchema } from './model/kpi.js';
export type { Kpi, KpiMeasurement } from './model/kpi.js';
export { serviceSchema, slaRecordSchema } from './model/service.js';
export type { Service, SlaRecord } from './model/service.js';
export { decisionSchema, voteSchema, additionalApproverSchema } from './model/decision.js';
export type { Decision, Vote, AdditionalApprover } from './model/decision.js';
export { checkInSchema } from './model/checkIn.js';
export type { CheckIn } from './model/checkIn.js';
export { feedbackSchema } from './model/feedback.js';
export type { Feedback } from './model/feedback.js';
export { ideaSchema } from './model/idea.js';
export type { Idea } from './model/idea.js';
export { glossaryTermSchema } from './model/glossaryTerm.js';
export type { GlossaryTerm } from './model/glossaryTerm.js';
export { linkSchema } from './model/link.js';
export type { Link } from './model/link.js';
export { auditEntrySchema } from './model/auditEntry.js';
export type { AuditEntry } from './model/auditEntry.js';
export { siteSettingsSchema, governanceMemberSchema } from './model/siteSettings.js';
export type { SiteSettings, GovernanceMember } from './model/siteSettings.js';
export { itemsOf } from './model/portfolio.js';
export type { PortfolioData } from './model/portfolio.js';
export { ENTITY_KINDS, isEntityKind } from './model/kinds.js';
export type { EntityKind, EntityOf, EntityMap, Entity } from './model/kinds.js';
export { entitySchemas, entityShape, validateEntity, toValidationIssues } from './model/entities.js';
export type { CompiledRefinement, CompiledSchema } from './model/compiledSchema.js';
export { memberOf, SchemaWriter } from './model/schemaSource.js';
export type { SchemaExternal, SchemaStep } from './model/schemaSource.js';
export { check, isCalendarDate, entityRuleIssues, isPlainObject, notAccepted } from './model/checks.js';
export type { CheckCall, CheckName, RuledKind, RuleIssue } from './model/checks.js';

// Ports
export type {
  Store,
  Stored,
  StoreChange,
  StoreListener,
  QueryOptions,
  Where,
  OrderBy,
  Patch,
  ScalarField,
} from './ports/store.js';
export type { TokenProvider } from './ports/tokenProvider.js';
export type { Clock } from './ports/clock.js';
export type { Logger, LogFields } from './ports/logger.js';

// Link grammar
export { findKeyMentions } from './links/keyMentions.js';
export { parseCommitTrailers, findTrailerBlock, TRAILER_TOKENS } from './links/trailers.js';
export type { CommitTrailer, Trailer, TrailerBlock, TrailerToken } from './links/trailers.js';
export { addTrailer } from './links/addTrailer.js';
export { parseBranchName } from './links/branchName.js';
export { parseSubjectKeys } from './links/subjectKeys.js';
export { commitKeys } from './links/commitKeys.js';
export type { CommitText } from './links/commitKeys.js';

// OData $filter
export {
  odataString,
  parseODataString,
  odataLiteral,
  odataField,
  eq,
  ne,
  gt,
  ge,
  lt,
  le,
  startsWith,
  and,
  or,
  not,
  isIn,
} from './odata/filter.js';
export type { ODataFilter, ODataValue } from './odata/filter.js';

// Alignment
export { keyResultProgress, objectiveProgress, objectiveProgressAll } from './alignment/progress.js';
export type { KeyResultMeasure, ProgressInputs } from './alignment/progress.js';
export {
  assessHealth,
  initiativeHealth,
  objectiveHealth,
  latestCheckIn,
  HEALTH_THRESHOLDS,
} from './alignment/health.js';
export type { HealthAssessment } from './alignment/health.js';
export { wsjfScore, riceScore } from './alignment/scoring.js';
export type { WsjfInputs, RiceInputs } from './alignment/scoring.js';
export { rankPortfolio } from './alignment/ranking.js';
export type { RankedInitiative, RankableInitiative, ScoringMethod } from './alignment/ranking.js';
export { kpiAttainment } from './alignment/kpiAttainment.js';
export type { KpiAttainment } from './alignment/kpiAttainment.js';
export { slaAttainment, availabilityPercent, responseTimePercentile } from './alignment/slaAttainment.js';
export type { SlaAttainment, SlaPeriod } from './alignment/slaAttainment.js';
export { layoutRoadmap } from './alignment/roadmap.js';
export type { RoadmapLayout, RoadmapLane, RoadmapBar, RoadmapQuarter } from './alignment/roadmap.js';
export { checkDependencies, compareKeys } from './alignment/dependencies.js';
export type { DependencyIssue } from './alignment/dependencies.js';
export { impactSummary } from './alignment/impact.js';
export type { ImpactSummary, KpiChange } from './alignment/impact.js';
export { dayNumber, isoDateOf, isoDay, elapsedFraction, daysIn } from './alignment/dates.js';

// Closing the loop: check-in drafts, the weekly digest, notifications
export { draftCheckIn, slaBreachesBetween } from './checkins/draftCheckIn.js';
export type { CheckInDraft, DraftLink, SlaBreach } from './checkins/draftCheckIn.js';
export { kpiMovement } from './checkins/kpiMovement.js';
export { targetHealth } from './checkins/targetHealth.js';
export { targetScope } from './checkins/relatedKeys.js';
export type { TargetScope } from './checkins/relatedKeys.js';
export { composeDigest } from './digest/composeDigest.js';
export type { Digest, DigestObjective } from './digest/composeDigest.js';
export { renderDigestHtml, escapeHtmlText } from './digest/digestHtml.js';
export { notificationsFor, ACTIVITY_TYPES } from './notifications/notificationsFor.js';
export type { TandemNotification, ActivityType } from './notifications/notificationsFor.js';
export { notifyingStore, loadPortfolio } from './notifications/notifyingStore.js';
export type { NotificationSink } from './notifications/notifyingStore.js';

// Governance, planning and the audit trail
export { GovernanceError } from './governance/governanceError.js';
export type { GovernanceErrorCode } from './governance/governanceError.js';
export {
  quorumOf,
  decisionApprovers,
  latestVote,
  tallyDecision,
  castVote,
  assertDecisionMayPass,
} from './governance/decisionRules.js';
export type { DecisionQuorum, DecisionApprover, DecisionTally } from './governance/decisionRules.js';
export { missingItAssessment, assertMayApprove, IT_ASSESSMENT_FIELDS } from './governance/planningRules.js';
export type { ItAssessment } from './governance/planningRules.js';
export { governedStore, governedActionOf } from './governance/governedStore.js';
export {
  governanceMembersOf,
  membershipOf,
  notMemberReason,
  assertGovernanceMember,
  SCORE_INPUT_FIELDS,
} from './governance/membership.js';
export type { GovernedAction, Membership } from './governance/membership.js';
export { auditedStore } from './audit/auditedStore.js';
export type { IdFactory } from './audit/auditedStore.js';
export { auditEntriesFor, changedFields, isAuditedKind } from './audit/auditChanges.js';

// Feedback, ideas and learning
export { aggregateFeedback } from './feedback/aggregateFeedback.js';
export type { FeedbackPeriod } from './feedback/aggregateFeedback.js';
export { toggleIdeaVote, promoteIdea } from './ideas/ideaRules.js';
export type { PromotionPlan, Promotion } from './ideas/ideaRules.js';
export { knowledgeSessions } from './learning/knowledgeSessions.js';
export { glossaryMatches, glossaryMatcher } from './glossary/glossaryMatches.js';
export type { GlossaryMatch, GlossaryMatcher } from './glossary/glossaryMatches.js';

// Suggestions
export { suggestInitiatives, similarityWords, SUGGESTION_WEIGHTS } from './suggestions/suggestInitiatives.js';
export type {
  SuggestionSubject,
  SuggestionEvidence,
  SuggestionReason,
  InitiativeSuggestion,
} from './suggestions/suggestInitiatives.js';

// Demo data
export { demoPortfolio, demoPeople } from './demo/demoPortfolio.js';
export type { DemoPortfolio } from './demo/demoPortfolio.js';
export { demoId } from './demo/demoIds.js';
