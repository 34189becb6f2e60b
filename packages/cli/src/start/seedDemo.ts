/**
 * First-run data for `tandem start`: provisions the local tenant's root site through @tandem/graph, stores the demo
 * portfolio (`demoPortfolio`), and fills Adele's mailbox and calendar with mail and meetings for the Outlook add-in,
 * through the local server's seeding endpoints.
 */
import { demoPeople, demoPortfolio, ENTITY_KINDS, type EntityKind } from '@tandem/core';
import { createGraphClient, GraphStore, localTokenProvider, provision, resolveSite } from '@tandem/graph';

/** What seeding stored. */
export interface SeedSummary {
  siteId: string;
  /** Items stored per entity kind. */
  items: Partial<Record<EntityKind, number>>;
  messages: number;
  events: number;
}

/** The user the local app signs in as, and whose mailbox is seeded. */
export const demoUser = demoPeople.adele.email;

/** A seeding request the local server refused. */
export class SeedError extends Error {
  readonly code = 'seed-failed';
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/** Mail in Adele's inbox: some already carry a key in the subject, some wait to be tagged in Outlook. */
function demoMessages(now: Date): Record<string, unknown>[] {
  const at = (daysAgo: number, hour: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour)).toISOString();
  const p = demoPeople;
  return [
    {
      from: p.megan.email,
      subject: '[INI-1] One-page checkout: conversion after the first week',
      receivedDateTime: at(1, 9),
      body: 'Conversion on the new checkout is up 2.1 points in the pilot group.',
    },
    {
      from: p.diego.email,
      subject: 'Store pilot: real-time stock numbers for the steering group',
      receivedDateTime: at(1, 14),
      body: 'Attached are the stock accuracy figures from the three pilot stores.',
    },
    {
      from: p.nestor.email,
      subject: 'Budget check: Q1 platform spend',
      receivedDateTime: at(2, 11),
      body: 'Can we go through the cloud cost forecast before Friday?',
    },
    {
      from: p.isaiah.email,
      subject: 'Loyalty app 3.0 launch date',
      receivedDateTime: at(3, 8),
      body: 'Marketing would like to announce the launch in the January newsletter.',
    },
    {
      from: p.johanna.email,
      subject: '[OBJ-3] Architecture runway for the data platform',
      receivedDateTime: at(4, 16),
      body: 'A short note on the options we discussed for the event backbone.',
    },
    {
      from: p.lee.email,
      subject: 'Incident review: payment gateway latency on Saturday',
      receivedDateTime: at(5, 10),
      body: 'Root cause and follow-ups from the weekend incident.',
    },
    {
      from: p.alex.email,
      subject: 'Hiring plan for the checkout squad',
      receivedDateTime: at(6, 13),
      isRead: true,
      body: 'Two backend roles are open; interviews start next week.',
    },
    {
      from: p.megan.email,
      subject: 'Customer feedback digest, November',
      receivedDateTime: at(8, 9),
      isRead: true,
      body: 'Top themes: delivery slots, returns, app login.',
    },
  ];
}

/** Meetings in Adele's calendar, online ones with a Teams meeting (and chat) behind them. */
function demoEvents(now: Date): Record<string, unknown>[] {
  const slot = (daysAhead: number, hour: number, minutes: number) => {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead, hour));
    return { start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() };
  };
  const p = demoPeople;
  return [
    {
      subject: 'Quarterly business–IT portfolio review',
      ...slot(1, 9, 90),
      attendees: [p.megan.email, p.alex.email, p.nestor.email, p.johanna.email],
      isOnlineMeeting: true,
      body: "Review WSJF ranking and approve the next quarter's initiatives.",
    },
    {
      subject: 'Checkout design review',
      ...slot(2, 13, 60),
      attendees: [p.megan.email, p.alex.email],
      isOnlineMeeting: true,
    },
    {
      subject: 'Real-time stock: store pilot go/no-go',
      ...slot(3, 10, 45),
      attendees: [p.diego.email, p.lee.email],
      isOnlineMeeting: true,
    },
    { subject: 'Loyalty and CRM weekly', ...slot(4, 15, 30), attendees: [p.isaiah.email], isOnlineMeeting: true },
    {
      subject: 'Architecture board',
      ...slot(7, 11, 60),
      attendees: [p.johanna.email, p.lee.email],
      isOnlineMeeting: false,
      location: 'Room 4.12',
    },
    {
      subject: 'Service review: payments and order management',
      ...slot(-2, 14, 60),
      attendees: [p.lee.email, p.megan.email],
      isOnlineMeeting: true,
    },
  ];
}

async function post(origin: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new SeedError(`POST ${path} failed with ${response.status}: ${await response.text()}`);
}

/** Seeds the local server at `graphUrl` (`http://127.0.0.1:PORT/v1.0`). Safe to repeat: creates are idempotent by id. */
export async function seedDemo(graphUrl: string, graphOrigin: string, now = new Date()): Promise<SeedSummary> {
  const client = createGraphClient({ baseUrl: graphUrl, tokenProvider: localTokenProvider(graphOrigin, demoUser) });
  const site = await resolveSite(client, 'root');
  const provisioned = await provision(client, site.id);
  const store = new GraphStore(client, { siteId: site.id, listIds: provisioned.listIds });
  const demo = demoPortfolio(now);
  const items: SeedSummary['items'] = {};
  for (const kind of ENTITY_KINDS) {
    const values = demo[kind];
    await store.createMany(kind, values as never);
    items[kind] = values.length;
  }
  const upn = encodeURIComponent(demoUser);
  const messages = demoMessages(now);
  for (const message of messages) await post(graphOrigin, `/_local/mailboxes/${upn}/messages`, message);
  const events = demoEvents(now);
  for (const event of events) await post(graphOrigin, `/_local/mailboxes/${upn}/events`, event);
  return { siteId: site.id, items, messages: messages.length, events: events.length };
}
