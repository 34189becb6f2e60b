import type { EntityKind, EntityOf } from '../model/kinds.js';
import type { PersonRef } from '../model/common.js';
import type { Initiative } from '../model/initiative.js';
import type { InitiativeStatus } from '../model/vocabulary.js';
import type { KeyResult } from '../model/keyResult.js';
import type { Objective } from '../model/objective.js';
import type { Kpi, KpiMeasurement } from '../model/kpi.js';
import type { Service, SlaRecord } from '../model/service.js';
import type { Decision } from '../model/decision.js';
import type { CheckIn } from '../model/checkIn.js';
import type { HealthStatus } from '../model/vocabulary.js';
import type { Feedback } from '../model/feedback.js';
import type { Idea } from '../model/idea.js';
import type { GlossaryTerm } from '../model/glossaryTerm.js';
import type { Link } from '../model/link.js';
import type { LinkKind } from '../model/vocabulary.js';
import { defaultSiteSettings } from '../model/vocabulary.js';
import { dayNumber, elapsedFraction, isoDateOf } from '../alignment/dates.js';
import { demoId, demoSha, seededRandom } from './demoIds.js';

/** The demo data: every entity kind's list (`demo.initiative` holds the initiatives), and the cast. */
export type DemoPortfolio = { [K in EntityKind]: EntityOf<K>[] } & { people: PersonRef[] };

const person = (id: string, displayName: string): PersonRef => ({ email: `${id}@contoso.test`, displayName });

/** The cast of Contoso Retail. */
export const demoPeople = {
  adele: person('adele', 'Adele Vance'), // Head of Digital Commerce
  megan: person('megan', 'Megan Bowen'), // IT Product Lead, e-commerce
  alex: person('alex', 'Alex Wilber'), // Engineering Manager
  diego: person('diego', 'Diego Siciliani'), // Head of Stores and Customer Experience
  isaiah: person('isaiah', 'Isaiah Langer'), // Loyalty and CRM Director
  johanna: person('johanna', 'Johanna Lorenz'), // Enterprise Architect
  lee: person('lee', 'Lee Gu'), // Platform and Operations Lead
  nestor: person('nestor', 'Nestor Wilke'), // Finance Director
} as const;

type Who = keyof typeof demoPeople;

const repos = {
  shop: 'https://github.com/contoso-retail/webshop',
  platform: 'https://github.com/contoso-retail/platform',
  loyalty: 'https://github.com/contoso-retail/loyalty',
} as const;

/**
 * A deterministic, believable portfolio for Contoso Retail's digital programme, dated around `now`
 * (the same `now` always gives the same data; no I/O). Feeds `npm start`, `tandem seed` and the tests.
 * Objectives run over `now`'s calendar year; initiatives, measurements, SLA records, check-ins and links
 * sit before and after `now` as a real portfolio would, and nothing recorded lies in the future.
 */
export function demoPortfolio(now: Date): DemoPortfolio {
  const random = seededRandom(20260101);
  const p = demoPeople;
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth(); // 0-based
  const today = dayNumber(now.toISOString());
  /** The first day of the month `offset` months from now's. */
  const monthStart = (offset: number) => isoDateOf(Date.UTC(year, month + offset, 1) / 86_400_000);
  /** The last day of the month `offset` months from now's. */
  const monthEnd = (offset: number) => isoDateOf(Date.UTC(year, month + offset + 1, 1) / 86_400_000 - 1);
  /** A moment `days` days before now, at a working hour. */
  const daysAgo = (days: number, hour = 10) =>
    new Date(Math.min(now.getTime(), (today - days) * 86_400_000 + hour * 3_600_000))
      .toISOString()
      .replace('.000Z', 'Z');
  const periodStart = `${year}-01-01`;
  const periodEnd = `${year}-12-31`;
  const yearElapsed = elapsedFraction(periodStart, periodEnd, now);

  // Objectives: business priorities and IT capabilities/constraints, one tree.
  const objective = (
    n: number,
    kind: Objective['kind'],
    title: string,
    owner: Who,
    description: string,
    extra: Partial<Objective> = {},
  ): Objective => ({
    id: demoId(`objective/${n}`),
    key: `OBJ-${n}`,
    kind,
    title,
    description,
    owner: p[owner],
    periodStart,
    periodEnd,
    status: 'active',
    ...extra,
  });
  const objectives: Objective[] = [
    objective(
      1,
      'business',
      'Grow online revenue by 25%',
      'adele',
      'Make the web shop and app the first place customers buy.',
    ),
    objective(
      2,
      'business',
      'Delight customers in every channel',
      'diego',
      'One experience from shelf to screen: stock, returns and service that just work.',
    ),
    objective(
      3,
      'business',
      'Lower the cost to serve each order',
      'nestor',
      'Fewer manual touches between basket and doorstep.',
    ),
    objective(
      4,
      'it',
      'Modernise the commerce platform',
      'johanna',
      'Move checkout and catalogue off the monolith so teams ship weekly.',
    ),
    objective(
      5,
      'it',
      'Keep core services reliable and secure',
      'lee',
      'Availability, response times and security that customers never notice.',
    ),
    objective(
      6,
      'it',
      'One trusted customer record',
      'alex',
      'A single, consented customer profile every channel reads.',
      { parentKey: 'OBJ-2', weight: 2 },
    ),
    objective(7, 'business', 'Grow the loyalty programme', 'isaiah', 'More members, shopping more often.', {
      parentKey: 'OBJ-1',
    }),
    objective(
      8,
      'it',
      'Customer data stays in the EU',
      'johanna',
      'A constraint on every initiative: personal data is stored and processed in EU regions only.',
      {
        parentKey: 'OBJ-5',
        itFeasibility: 'high',
        itRisk: 'medium',
        itEffortWeeks: 6,
      },
    ),
    objective(
      9,
      'business',
      'Open click-and-collect in all stores',
      'diego',
      'Proposed for next year; waiting on IT feasibility.',
      {
        status: 'proposed',
        periodStart: `${year + 1}-01-01`,
        periodEnd: `${year + 1}-12-31`,
        itFeasibility: 'medium',
        itEffortWeeks: 26,
        itRisk: 'medium',
      },
    ),
  ];

  // Key results, their current values set by how far the year has gone and how well each is doing.
  let krCount = 0;
  const keyResult = (
    objectiveKey: string,
    title: string,
    metric: string,
    unit: string,
    direction: KeyResult['direction'],
    startValue: number,
    targetValue: number,
    pace: number,
    owner: Who,
    weight = 1,
  ): KeyResult => {
    const n = ++krCount;
    const span = targetValue - startValue;
    const currentValue =
      direction === 'stayAbove' || direction === 'stayBelow'
        ? round(targetValue + (direction === 'stayAbove' ? 1 : -1) * (pace - 0.9) * Math.abs(targetValue) * 0.01, 2)
        : round(startValue + span * Math.min(1, yearElapsed * pace), 2);
    return {
      id: demoId(`keyResult/${n}`),
      key: `KR-${n}`,
      objectiveKey,
      title,
      metric,
      unit,
      direction,
      startValue,
      targetValue,
      currentValue,
      weight,
      owner: p[owner],
    };
  };
  const keyResults: KeyResult[] = [
    keyResult(
      'OBJ-1',
      'Online revenue reaches €14.5M a month',
      'Online revenue',
      'M€/month',
      'increase',
      11.6,
      14.5,
      0.9,
      'adele',
      2,
    ),
    keyResult(
      'OBJ-1',
      'Checkout conversion up from 2.1% to 3%',
      'Checkout conversion',
      '%',
      'increase',
      2.1,
      3,
      1.1,
      'megan',
    ),
    keyResult(
      'OBJ-1',
      'App share of online orders reaches 40%',
      'App share of orders',
      '%',
      'increase',
      28,
      40,
      0.7,
      'adele',
    ),
    keyResult('OBJ-2', 'NPS from 31 to 45', 'Net promoter score', 'points', 'increase', 31, 45, 0.8, 'diego', 2),
    keyResult('OBJ-2', 'Returns refunded within 3 days', 'Refund lead time', 'days', 'decrease', 9, 3, 0.6, 'diego'),
    keyResult(
      'OBJ-3',
      'Cost per order from €6.80 to €5.20',
      'Cost per order',
      '€',
      'decrease',
      6.8,
      5.2,
      0.85,
      'nestor',
      2,
    ),
    keyResult(
      'OBJ-3',
      'Contact rate below 8% of orders',
      'Contacts per 100 orders',
      '%',
      'stayBelow',
      0,
      8,
      1.3,
      'diego',
    ),
    keyResult(
      'OBJ-4',
      'Checkout served by the new platform',
      'Share of checkout traffic',
      '%',
      'increase',
      0,
      100,
      1.0,
      'johanna',
      2,
    ),
    keyResult(
      'OBJ-4',
      'Weekly releases for every commerce team',
      'Deployments per week',
      'per week',
      'increase',
      1,
      5,
      1.15,
      'alex',
    ),
    keyResult(
      'OBJ-4',
      'Lead time for changes under 2 days',
      'Lead time for changes',
      'days',
      'decrease',
      12,
      2,
      0.75,
      'alex',
    ),
    keyResult(
      'OBJ-5',
      'Web shop availability stays above 99.9%',
      'Web shop availability',
      '%',
      'stayAbove',
      0,
      99.9,
      1.0,
      'lee',
      2,
    ),
    keyResult(
      'OBJ-5',
      'Critical vulnerabilities fixed within 7 days',
      'Mean time to patch',
      'days',
      'decrease',
      21,
      7,
      0.95,
      'lee',
    ),
    keyResult(
      'OBJ-6',
      'Duplicate customer profiles below 2%',
      'Duplicate profiles',
      '%',
      'decrease',
      11,
      2,
      0.8,
      'alex',
    ),
    keyResult(
      'OBJ-6',
      'Every channel reads the customer hub',
      'Channels on the hub',
      'channels',
      'increase',
      0,
      5,
      0.7,
      'megan',
    ),
    keyResult(
      'OBJ-7',
      'Loyalty members from 1.2M to 1.6M',
      'Active members',
      'k members',
      'increase',
      1200,
      1600,
      1.05,
      'isaiah',
      2,
    ),
    keyResult(
      'OBJ-7',
      'Members buy 4 times a year',
      'Purchase frequency',
      'per year',
      'increase',
      3.1,
      4,
      0.9,
      'isaiah',
    ),
    keyResult(
      'OBJ-8',
      'All personal data in EU regions',
      'Stores outside the EU',
      'stores',
      'decrease',
      4,
      0,
      0.9,
      'johanna',
    ),
  ];

  // Initiatives: a start month offset from now, a length in months, a pace (1 keeps up with the clock).
  const initiativeRows: [
    n: number,
    title: string,
    objectiveKeys: string[],
    itOwner: Who,
    sponsor: Who,
    startOffset: number,
    months: number,
    status: InitiativeStatus,
    pace: number,
    wsjf: [bv: number, tc: number, rr: number, size: number],
    rice: [reach: number, impact: Initiative['impact'], confidence: number, effort: number],
    dependsOn: string[],
    description: string,
  ][] = [
    [
      1,
      'One-page checkout',
      ['OBJ-1', 'OBJ-4'],
      'megan',
      'adele',
      -4,
      6,
      'inProgress',
      1.0,
      [13, 8, 3, 8],
      [450000, 2, 80, 9],
      ['INI-2'],
      'Basket, delivery and payment on one page.',
    ],
    [
      2,
      'Payment service on the new platform',
      ['OBJ-4'],
      'alex',
      'nestor',
      -8,
      4,
      'done',
      1,
      [8, 13, 8, 5],
      [450000, 1, 90, 6],
      [],
      'Payments out of the monolith, behind one API.',
    ],
    [
      3,
      'Product search relevance',
      ['OBJ-1'],
      'megan',
      'adele',
      -2,
      4,
      'inProgress',
      0.65,
      [8, 5, 2, 5],
      [600000, 1, 70, 4],
      [],
      'Synonyms, typo tolerance and ranking by margin and stock.',
    ],
    [
      4,
      'Loyalty app relaunch',
      ['OBJ-7', 'OBJ-1'],
      'alex',
      'isaiah',
      -3,
      7,
      'inProgress',
      0.95,
      [13, 5, 2, 13],
      [300000, 2, 60, 14],
      ['INI-9'],
      'Digital card, personal offers and receipts in the app.',
    ],
    [
      5,
      'Real-time store stock on the web',
      ['OBJ-2', 'OBJ-1'],
      'lee',
      'diego',
      -1,
      5,
      'inProgress',
      0.5,
      [13, 13, 3, 8],
      [500000, 2, 50, 8],
      ['INI-11'],
      'Show in-store availability from the POS feed every minute.',
    ],
    [
      6,
      'Returns portal and instant refunds',
      ['OBJ-2', 'OBJ-3'],
      'megan',
      'diego',
      1,
      4,
      'planned',
      0,
      [8, 5, 3, 5],
      [120000, 2, 80, 5],
      ['INI-2'],
      'Customers book a return and get refunded at drop-off.',
    ],
    [
      7,
      'Customer data hub',
      ['OBJ-6'],
      'alex',
      'isaiah',
      -6,
      10,
      'inProgress',
      0.9,
      [8, 3, 13, 13],
      [1200000, 1, 60, 18],
      [],
      'One consented profile, matched across web, app, stores and service.',
    ],
    [
      8,
      'Migrate customer data to EU regions',
      ['OBJ-8', 'OBJ-6'],
      'lee',
      'nestor',
      -5,
      7,
      'inProgress',
      0.75,
      [5, 13, 13, 8],
      [1200000, 0.5, 90, 7],
      [],
      'Move the last four data stores out of US regions.',
    ],
    [
      9,
      'Loyalty API on the new platform',
      ['OBJ-7', 'OBJ-4'],
      'alex',
      'isaiah',
      -7,
      4,
      'done',
      1,
      [5, 8, 5, 5],
      [300000, 1, 80, 5],
      [],
      'Points and offers behind a versioned API.',
    ],
    [
      10,
      'Chatbot for order questions',
      ['OBJ-3', 'OBJ-2'],
      'megan',
      'diego',
      2,
      3,
      'proposed',
      0,
      [5, 3, 1, 3],
      [90000, 1, 50, 3],
      [],
      'Answers "where is my order" without an agent.',
    ],
    [
      11,
      'POS event streaming',
      ['OBJ-4', 'OBJ-2'],
      'lee',
      'diego',
      -5,
      6,
      'inProgress',
      0.95,
      [5, 8, 8, 8],
      [0, 0.25, 80, 8],
      [],
      'Stream sales and stock events from 180 stores to the cloud.',
    ],
    [
      12,
      'Warehouse pick-path optimisation',
      ['OBJ-3'],
      'lee',
      'nestor',
      -9,
      4,
      'done',
      1,
      [8, 3, 2, 5],
      [50000, 1, 90, 4],
      [],
      'Shorter pick paths from order batching.',
    ],
    [
      13,
      'Web shop on a CDN edge',
      ['OBJ-5', 'OBJ-1'],
      'lee',
      'adele',
      -3,
      4,
      'inProgress',
      0.9,
      [5, 5, 8, 3],
      [600000, 0.5, 90, 2],
      [],
      'Cache pages and images at the edge; faster pages, fewer outages.',
    ],
    [
      14,
      'Security patch automation',
      ['OBJ-5'],
      'lee',
      'nestor',
      -2,
      3,
      'inProgress',
      1.05,
      [3, 5, 13, 3],
      [0, 0.25, 90, 2],
      [],
      'Patch pipelines for every service, weekly.',
    ],
    [
      15,
      'Personalised offers engine',
      ['OBJ-7', 'OBJ-1'],
      'alex',
      'isaiah',
      4,
      6,
      'planned',
      0,
      [13, 3, 2, 13],
      [300000, 2, 50, 12],
      ['INI-7', 'INI-4'],
      'Offers from purchase history, in app and email.',
    ],
    [
      16,
      'Catalogue service on the new platform',
      ['OBJ-4'],
      'megan',
      'adele',
      1,
      5,
      'planned',
      0,
      [5, 5, 8, 8],
      [600000, 0.5, 80, 8],
      ['INI-2'],
      'Product data out of the monolith.',
    ],
    [
      17,
      'Retire the legacy order system',
      ['OBJ-4', 'OBJ-3'],
      'johanna',
      'nestor',
      6,
      6,
      'proposed',
      0,
      [3, 2, 13, 20],
      [0, 0.25, 60, 20],
      ['INI-16'],
      'Decommission the 2009 order system after the move.',
    ],
    [
      18,
      'Store associate app',
      ['OBJ-2'],
      'megan',
      'diego',
      -10,
      3,
      'cancelled',
      0,
      [5, 2, 1, 8],
      [4000, 1, 40, 6],
      [],
      'Stopped: replaced by the POS vendor roadmap.',
    ],
    [
      19,
      'Delivery slot booking',
      ['OBJ-2', 'OBJ-1'],
      'megan',
      'adele',
      -6,
      3,
      'done',
      1,
      [8, 8, 2, 5],
      [200000, 1, 80, 4],
      [],
      'Customers pick a two-hour delivery slot.',
    ],
    [
      20,
      'Observability for commerce services',
      ['OBJ-5', 'OBJ-4'],
      'lee',
      'johanna',
      -4,
      5,
      'inProgress',
      0.9,
      [3, 5, 8, 5],
      [0, 0.25, 80, 4],
      [],
      'Traces, SLOs and alerts for every commerce service.',
    ],
  ];
  const initiatives: Initiative[] = initiativeRows.map(
    ([
      n,
      title,
      objectiveKeys,
      itOwner,
      sponsor,
      startOffset,
      months,
      status,
      pace,
      wsjf,
      rice,
      dependsOn,
      description,
    ]) => {
      const start = monthStart(startOffset);
      const end = monthEnd(startOffset + months - 1);
      const percentComplete =
        status === 'done'
          ? 100
          : status === 'inProgress'
            ? Math.max(5, Math.min(95, Math.round(elapsedFraction(start, end, now) * pace * 100)))
            : status === 'cancelled'
              ? 15
              : 0;
      return {
        id: demoId(`initiative/${n}`),
        key: `INI-${n}`,
        title,
        description,
        objectiveKeys,
        dependsOn,
        itOwner: p[itOwner],
        businessSponsor: p[sponsor],
        start,
        end,
        status,
        percentComplete,
        businessValue: wsjf[0],
        timeCriticality: wsjf[1],
        riskReduction: wsjf[2],
        jobSize: wsjf[3],
        reach: rice[0],
        impact: rice[1],
        confidence: rice[2],
        effort: rice[3],
      };
    },
  );

  // KPIs with a year of monthly measurements (the first of each month, this month included).
  const kpiRows: [
    n: number,
    objectiveKey: string,
    name: string,
    unit: string,
    direction: Kpi['direction'],
    baseline: number,
    target: number,
    trend: number,
    noise: number,
    owner: Who,
  ][] = [
    [1, 'OBJ-1', 'Online revenue', 'M€', 'higherIsBetter', 11.6, 14.5, 0.8, 0.02, 'adele'],
    [2, 'OBJ-1', 'Checkout conversion', '%', 'higherIsBetter', 2.1, 3, 0.7, 0.03, 'megan'],
    [3, 'OBJ-2', 'Net promoter score', 'points', 'higherIsBetter', 31, 45, 0.6, 0.04, 'diego'],
    [4, 'OBJ-3', 'Cost per order', '€', 'lowerIsBetter', 6.8, 5.2, 0.7, 0.015, 'nestor'],
    [5, 'OBJ-7', 'Active loyalty members', 'k', 'higherIsBetter', 1200, 1600, 0.75, 0.005, 'isaiah'],
    [6, 'OBJ-4', 'Deployments per week', 'per week', 'higherIsBetter', 1, 5, 0.9, 0.1, 'alex'],
    [7, 'OBJ-6', 'Duplicate customer profiles', '%', 'lowerIsBetter', 11, 2, 0.6, 0.03, 'alex'],
  ];
  const kpis: Kpi[] = [];
  const kpiMeasurements: KpiMeasurement[] = [];
  for (const [n, objectiveKey, name, unit, direction, baseline, target, trend, noise, owner] of kpiRows) {
    kpis.push({
      id: demoId(`kpi/${n}`),
      key: `KPI-${n}`,
      objectiveKey,
      name,
      unit,
      direction,
      baseline,
      target,
      owner: p[owner],
    });
    for (let m = -11; m <= 0; m++) {
      const along = ((m + 11) / 11) * trend;
      const value = baseline + (target - baseline) * along;
      const wobble = 1 + (random() * 2 - 1) * noise;
      kpiMeasurements.push({
        id: demoId(`kpiMeasurement/${n}/${m}`),
        kpiKey: `KPI-${n}`,
        measuredOn: monthStart(m),
        value: round(value * wobble, unit === 'k' ? 0 : 2),
      });
    }
  }

  // Services with SLA targets, and the last twelve complete months of SLA records.
  const serviceRows: [
    n: number,
    name: string,
    description: string,
    owner: Who,
    availability: number,
    responseMs: number,
    percentile: number,
    typicalDowntime: number,
  ][] = [
    [1, 'Web shop', 'contoso.test storefront and mobile web.', 'lee', 99.9, 800, 95, 25],
    [2, 'Payments gateway', 'Card, wallet and gift-card payments for web, app and stores.', 'alex', 99.95, 400, 99, 12],
    [3, 'Store POS sync', 'Sales and stock events from the tills to the cloud.', 'lee', 99.5, 2000, 95, 120],
    [4, 'Loyalty API', 'Points, offers and the digital card.', 'alex', 99.9, 300, 95, 30],
    [5, 'Order management', 'Orders from every channel, to the warehouse and back.', 'megan', 99.8, 1000, 95, 50],
  ];
  const services: Service[] = [];
  const slaRecords: SlaRecord[] = [];
  for (const [
    n,
    name,
    description,
    owner,
    availabilityTarget,
    responseTimeTargetMs,
    responseTimePercentile,
    typical,
  ] of serviceRows) {
    services.push({
      id: demoId(`service/${n}`),
      key: `SVC-${n}`,
      name,
      description,
      owner: p[owner],
      availabilityTarget,
      responseTimeTargetMs,
      responseTimePercentile,
    });
    for (let m = -12; m <= -1; m++) {
      const bad = random() < 0.15; // about two months in twelve miss a target
      slaRecords.push({
        id: demoId(`slaRecord/${n}/${m}`),
        serviceKey: `SVC-${n}`,
        periodStart: monthStart(m),
        periodEnd: monthEnd(m),
        downtimeMinutes: Math.round(typical * (bad ? 2.5 + random() * 2 : random() * 1.2)),
        responseTimeMs: Math.round(
          responseTimeTargetMs * (bad && random() < 0.5 ? 1.1 + random() * 0.3 : 0.6 + random() * 0.35),
        ),
        incidents: bad ? 2 + Math.floor(random() * 3) : Math.floor(random() * 2),
      });
    }
  }

  // Decisions taken together, with the meetings they were taken in.
  const meetingUrl = (name: string) =>
    `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${demoId(`meeting/${name}`).replace(/-/g, '')}%40thread.v2/0`;
  const decision = (
    n: number,
    title: string,
    context: string,
    text: string,
    status: Decision['status'],
    business: Who,
    it: Who,
    daysBack: number,
    relatedKeys: string[],
  ): Decision => ({
    id: demoId(`decision/${n}`),
    key: `DEC-${n}`,
    title,
    context,
    decision: text,
    status,
    businessApprover: p[business],
    itApprover: p[it],
    votes:
      status === 'proposed'
        ? [{ voter: p[it], vote: 'approve', at: daysAgo(daysBack, 11) }]
        : [
            { voter: p[business], vote: status === 'rejected' ? 'reject' : 'approve', at: daysAgo(daysBack, 11) },
            { voter: p[it], vote: 'approve', at: daysAgo(daysBack, 11) },
          ],
    ...(status === 'proposed' ? {} : { decidedOn: daysAgo(daysBack).slice(0, 10) }),
    meetingUrl: meetingUrl(`decision-${n}`),
    relatedKeys,
  });
  const decisions: Decision[] = [
    decision(
      1,
      'Build checkout on the new platform, not in the monolith',
      'Checkout changes take six weeks in the monolith; the payment service is already out.',
      'All new checkout work goes to the new platform; the monolith checkout is frozen.',
      'accepted',
      'adele',
      'johanna',
      130,
      ['INI-1', 'OBJ-4'],
    ),
    decision(
      2,
      'Keep personal data in EU regions only',
      'Legal review of data transfers; four stores still sit in US regions.',
      'Every store of personal data moves to EU regions this year; no new US deployments.',
      'accepted',
      'nestor',
      'johanna',
      150,
      ['OBJ-8', 'INI-8'],
    ),
    decision(
      3,
      'Stop the store associate app',
      'The POS vendor ships the same features next year at no cost.',
      'Stop INI-18 and put its team on real-time stock.',
      'accepted',
      'diego',
      'megan',
      240,
      ['INI-18', 'INI-5'],
    ),
    decision(
      4,
      'Rank the portfolio by WSJF each quarter',
      'Priorities were set by whoever asked last.',
      'The business–IT board ranks open initiatives by WSJF at each quarterly review.',
      'accepted',
      'adele',
      'johanna',
      90,
      ['OBJ-1', 'OBJ-4'],
    ),
    decision(
      5,
      'Chatbot vendor or build?',
      'Two vendor offers; the order API is ready.',
      'Proposed: start with the vendor bot for order questions, review after a quarter.',
      'proposed',
      'diego',
      'megan',
      5,
      ['INI-10'],
    ),
    decision(
      6,
      'Same-day delivery in the capital',
      'Carrier costs would double for a 3% uplift.',
      'Not now: revisit when cost per order is below €5.50.',
      'rejected',
      'nestor',
      'lee',
      60,
      ['OBJ-3'],
    ),
  ];

  // Check-ins: every two weeks on running initiatives, monthly on objectives.
  const checkIns: CheckIn[] = [];
  const noteFor: Record<HealthStatus, string> = {
    onTrack: 'On plan; next milestone agreed with the sponsor.',
    atRisk: 'Slipping: waiting on a dependency, mitigation in place.',
    offTrack: 'Behind plan; asking the board for scope or time.',
  };
  for (const ini of initiatives.filter((i) => i.status === 'inProgress')) {
    const row = initiativeRows.find((r) => `INI-${r[0]}` === ini.key)!;
    const pace = row[8];
    const status: HealthStatus = pace >= 0.85 ? 'onTrack' : pace >= 0.65 ? 'atRisk' : 'offTrack';
    for (const [i, back] of [42, 28, 14].entries()) {
      if (today - back < dayNumber(ini.start)) continue;
      const s: HealthStatus = i === 0 && status !== 'onTrack' ? 'onTrack' : status;
      checkIns.push({
        id: demoId(`checkIn/${ini.key}/${back}`),
        targetKey: ini.key,
        author: ini.itOwner,
        at: daysAgo(back, 16),
        status: s,
        progress: Math.max(0, ini.percentComplete - Math.round(back / 3)),
        note: noteFor[s],
      });
    }
  }
  // Loyalty app: the numbers look fine but the owner sees trouble coming (a check-in says more than numbers).
  checkIns.push({
    id: demoId('checkIn/INI-4/3'),
    targetKey: 'INI-4',
    author: p.alex,
    at: daysAgo(3, 17),
    status: 'atRisk',
    progress: initiatives.find((i) => i.key === 'INI-4')!.percentComplete,
    note: 'App store review flagged the new payment sheet; resubmission may cost two weeks.',
  });
  for (const o of objectives.filter((x) => x.status === 'active')) {
    for (const back of [60, 30]) {
      checkIns.push({
        id: demoId(`checkIn/${o.key}/${back}`),
        targetKey: o.key,
        author: o.owner,
        at: daysAgo(back, 9),
        status: o.key === 'OBJ-2' && back === 30 ? 'atRisk' : 'onTrack',
        note:
          o.key === 'OBJ-2' && back === 30
            ? 'NPS flat while real-time stock slips.'
            : 'Reviewed at the monthly business–IT board.',
      });
    }
  }

  // Satisfaction of the people who use the services and initiatives.
  const feedbackRows: [target: string, who: Who, score: number, back: number, comment: string][] = [
    ['SVC-1', 'adele', 4, 40, 'Fast on Black Friday, thank you.'],
    ['SVC-1', 'diego', 3, 12, 'Slow product pages on Monday morning.'],
    ['SVC-2', 'nestor', 5, 33, 'No payment incidents this month.'],
    ['SVC-2', 'adele', 4, 8, ''],
    ['SVC-3', 'diego', 2, 20, 'Store stock was an hour late twice this week.'],
    ['SVC-3', 'diego', 3, 4, 'Better since the streaming pilot.'],
    ['SVC-4', 'isaiah', 4, 25, 'Offers load quickly in the app.'],
    ['SVC-4', 'isaiah', 5, 6, ''],
    ['SVC-5', 'nestor', 3, 18, 'Order exports to finance still manual.'],
    ['SVC-5', 'diego', 4, 2, 'Returns flow clearer.'],
    ['INI-19', 'adele', 5, 45, 'Delivery slots cut "where is my order" calls.'],
    ['INI-2', 'nestor', 4, 70, 'Payment fees down as promised.'],
    ['INI-12', 'nestor', 4, 100, ''],
  ];
  const feedback: Feedback[] = feedbackRows.map(([targetKey, who, score, back, comment], i) => ({
    id: demoId(`feedback/${i + 1}`),
    targetKey,
    author: p[who],
    at: daysAgo(back, 14),
    score,
    ...(comment ? { comment } : {}),
  }));

  // The ideas backlog.
  const ideaRows: [
    n: number,
    title: string,
    who: Who,
    back: number,
    status: Idea['status'],
    voters: Who[],
    promoted?: string,
  ][] = [
    [1, 'Click-and-collect lockers at stations', 'diego', 120, 'underReview', ['adele', 'nestor', 'isaiah', 'lee']],
    [
      2,
      'Show stock per store on product pages',
      'diego',
      300,
      'promoted',
      ['adele', 'megan', 'isaiah', 'alex', 'nestor'],
      'INI-5',
    ],
    [3, 'Digital receipts by default', 'isaiah', 80, 'open', ['diego', 'nestor']],
    [4, 'Let store staff see online orders', 'diego', 50, 'open', ['megan']],
    [5, 'Carbon label on delivery options', 'adele', 20, 'open', ['isaiah', 'alex', 'johanna']],
    [6, 'Rewrite the monolith in one go', 'alex', 200, 'declined', []],
    [7, 'Price alerts for loyalty members', 'isaiah', 9, 'open', ['adele']],
  ];
  const ideas: Idea[] = ideaRows.map(([n, title, who, back, status, voters, promoted]) => ({
    id: demoId(`idea/${n}`),
    key: `IDEA-${n}`,
    title,
    author: p[who],
    createdAt: daysAgo(back, 13),
    status,
    voterEmails: voters.map((v) => p[v].email),
    ...(promoted ? { promotedInitiativeKey: promoted } : {}),
  }));

  // The shared glossary.
  const glossaryRows: [business: string, technical: string, definition: string, related: string[]][] = [
    [
      'Basket abandonment',
      'checkout_session_expired',
      'A shopper leaves with items in the basket and no order.',
      ['INI-1'],
    ],
    ['Conversion rate', 'orders / sessions', 'Share of web and app visits that end in an order.', ['KPI-2', 'KR-2']],
    ['Click and collect', 'fulfilmentType = STORE_PICKUP', 'Ordered online, picked up in a store.', ['OBJ-9']],
    [
      'Available to promise',
      'ATP (stock − reserved − safety stock)',
      'What we can sell now without disappointing anyone.',
      ['INI-5'],
    ],
    [
      'Loyalty member',
      'customer.profile.loyaltyId IS NOT NULL',
      'A customer who joined Contoso Rewards and bought in the last 12 months.',
      ['KPI-5'],
    ],
    [
      'Cost to serve',
      'fulfilment + service cost / order',
      'Everything it costs us to get an order to the customer and keep them happy.',
      ['OBJ-3', 'KPI-4'],
    ],
    [
      'Uptime',
      'availability SLI (successful probes / probes)',
      'Share of minutes a service worked for customers.',
      ['SVC-1', 'OBJ-5'],
    ],
    [
      'Golden record',
      'customer hub master profile',
      'The one merged profile of a customer across channels.',
      ['OBJ-6', 'INI-7'],
    ],
  ];
  const glossaryTerm: GlossaryTerm[] = glossaryRows.map(
    ([businessTerm, technicalTerm, definition, relatedKeys], i) => ({
      id: demoId(`glossaryTerm/${i + 1}`),
      businessTerm,
      technicalTerm,
      definition,
      relatedKeys,
    }),
  );

  // Links: commits and pull requests from the repositories, meetings, emails, work items and documents.
  const links: Link[] = [];
  const link = (
    kind: LinkKind,
    targetKey: string,
    title: string,
    back: number,
    by: Who,
    extra: Partial<Link> & { externalId: string },
  ) => {
    links.push({
      id: demoId(`link/${links.length + 1}`),
      kind,
      targetKey,
      title,
      linkedBy: p[by],
      linkedAt: daysAgo(back, 15),
      occurredAt: daysAgo(back, 12),
      ...extra,
    });
  };
  const commitRows: [target: string, repo: keyof typeof repos, message: string, by: Who, back: number][] = [
    ['INI-1', 'shop', 'Add delivery step to the one-page checkout', 'megan', 40],
    ['INI-1', 'shop', 'Validate addresses inline', 'alex', 33],
    ['INI-1', 'shop', 'Pay with saved card on the checkout page', 'megan', 21],
    ['INI-1', 'shop', 'Track checkout steps for conversion analytics', 'alex', 9],
    ['INI-2', 'platform', 'Payment service: idempotent capture', 'alex', 160],
    ['INI-3', 'shop', 'Synonyms for product search', 'megan', 30],
    ['INI-3', 'shop', 'Typo tolerance in search', 'megan', 11],
    ['INI-4', 'loyalty', 'Digital loyalty card screen', 'alex', 50],
    ['INI-4', 'loyalty', 'Personal offers carousel', 'alex', 16],
    ['INI-5', 'platform', 'Consume POS stock events', 'lee', 14],
    ['INI-7', 'platform', 'Match customers by email and phone', 'alex', 70],
    ['INI-7', 'platform', 'Consent flags on the customer profile', 'alex', 24],
    ['INI-8', 'platform', 'Move order history store to West Europe', 'lee', 35],
    ['INI-11', 'platform', 'Event hub for store sales', 'lee', 45],
    ['INI-13', 'shop', 'Serve product images from the edge', 'lee', 27],
    ['INI-14', 'platform', 'Weekly patch pipeline for the order service', 'lee', 13],
    ['INI-20', 'platform', 'Tracing for checkout and payments', 'lee', 19],
    ['INI-19', 'shop', 'Delivery slot picker', 'megan', 110],
  ];
  for (const [target, repo, message, by, back] of commitRows) {
    const sha = demoSha(`${repo}/${message}`);
    link('commit', target, message, back, by, {
      externalId: sha,
      sha,
      repository: repos[repo],
      url: `${repos[repo]}/commit/${sha}`,
      author: p[by],
    });
  }
  const prRows: [target: string, repo: keyof typeof repos, n: number, title: string, by: Who, back: number][] = [
    ['INI-1', 'shop', 412, 'One-page checkout behind a feature flag', 'megan', 18],
    ['INI-4', 'loyalty', 87, 'Loyalty app 3.0', 'alex', 10],
    ['INI-8', 'platform', 233, 'Terraform: EU-only regions for customer data', 'lee', 30],
  ];
  for (const [target, repo, n, title, by, back] of prRows) {
    link('pullRequest', target, title, back, by, {
      externalId: `${repos[repo]}/pull/${n}`,
      repository: repos[repo],
      url: `${repos[repo]}/pull/${n}`,
      author: p[by],
    });
  }
  const meetingRows: [target: string, title: string, by: Who, back: number][] = [
    ['OBJ-1', 'Quarterly business–IT portfolio review', 'adele', 35],
    ['INI-1', 'Checkout design review', 'megan', 45],
    ['INI-5', 'Real-time stock: store pilot go/no-go', 'diego', 12],
    ['OBJ-8', 'Data residency steering group', 'johanna', 28],
    ['INI-7', 'Customer hub matching rules workshop', 'alex', 40],
    ['OBJ-5', 'Monthly service review', 'lee', 6],
  ];
  for (const [target, title, by, back] of meetingRows) {
    const eventId = `AAMkAGVmMDEz${demoId(`event/${title}`).replace(/-/g, '')}AAA=`;
    link('meeting', target, title, back, by, { externalId: eventId, url: meetingUrl(title), author: p[by] });
  }
  const emailRows: [target: string, subject: string, from: Who, by: Who, back: number][] = [
    ['INI-1', 'RE: Checkout copy for the payment step', 'adele', 'megan', 26],
    ['INI-8', 'Data transfer impact assessment signed', 'nestor', 'lee', 31],
    ['INI-5', 'Store managers ask for stock by aisle', 'diego', 'lee', 8],
    ['INI-15', 'Offer rules from the CRM team', 'isaiah', 'alex', 15],
    ['SVC-3', 'POS sync delay on Saturday — incident summary', 'lee', 'diego', 20],
  ];
  for (const [target, subject, from, by, back] of emailRows) {
    link('email', target, subject, back, by, {
      externalId: `<${demoId(`mail/${subject}`).slice(0, 18)}@contoso.test>`,
      author: p[from],
    });
  }
  link('workItem', 'INI-6', 'Epic: returns portal', 20, 'megan', {
    externalId: 'https://dev.azure.com/contoso-retail/commerce/_workitems/edit/5120',
    url: 'https://dev.azure.com/contoso-retail/commerce/_workitems/edit/5120',
  });
  link('workItem', 'INI-16', 'Epic: catalogue service', 10, 'megan', {
    externalId: 'https://dev.azure.com/contoso-retail/commerce/_workitems/edit/5188',
    url: 'https://dev.azure.com/contoso-retail/commerce/_workitems/edit/5188',
  });
  link('document', 'OBJ-4', 'Target architecture for commerce', 90, 'johanna', {
    externalId: 'https://contoso.sharepoint.com/sites/tandem/Shared%20Documents/Target%20architecture.docx',
    url: 'https://contoso.sharepoint.com/sites/tandem/Shared%20Documents/Target%20architecture.docx',
  });
  link('document', 'DEC-2', 'Data residency legal memo', 150, 'nestor', {
    externalId: 'https://contoso.sharepoint.com/sites/tandem/Shared%20Documents/Data%20residency.pdf',
    url: 'https://contoso.sharepoint.com/sites/tandem/Shared%20Documents/Data%20residency.pdf',
  });

  // Knowledge sessions: meetings where business and IT teach each other.
  for (const [target, title, by, back] of [
    ['OBJ-1', 'Lunch and learn: how WSJF ranks our portfolio', 'johanna', 17],
    ['OBJ-5', 'Brown bag: reading an SLA report', 'lee', 9],
  ] as const) {
    const eventId = `AAMkAGVmMDEz${demoId(`event/${title}`).replace(/-/g, '')}AAA=`;
    link('meeting', target, title, back, by, {
      externalId: eventId,
      url: meetingUrl(title),
      author: p[by],
      learning: true,
    });
  }

  return {
    people: Object.values(p),
    objective: objectives,
    keyResult: keyResults,
    initiative: initiatives,
    kpi: kpis,
    kpiMeasurement: kpiMeasurements,
    service: services,
    slaRecord: slaRecords,
    decision: decisions,
    checkIn: checkIns,
    feedback,
    idea: ideas,
    glossaryTerm,
    link: links,
    auditEntry: [],
    siteSettings: [
      {
        ...defaultSiteSettings,
        // The board: business and IT leads, the demo user (Adele) among them; the others may propose and comment.
        governanceMembers: [
          { person: p.adele, side: 'business' },
          { person: p.nestor, side: 'business' },
          { person: p.megan, side: 'it' },
          { person: p.johanna, side: 'it' },
        ],
      },
    ],
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
