import type { LocalGraph } from './localGraph.js';

async function post<T>(graph: LocalGraph, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${graph.server.origin}/_local/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`seed ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Puts a received message in a mailbox through the local server's seeding endpoint. */
export function seedMessage(
  graph: LocalGraph,
  upn: string,
  message: { subject: string; from: string; categories?: string[]; body?: string },
): Promise<{ id: string; internetMessageId: string }> {
  return post(graph, `mailboxes/${encodeURIComponent(upn)}/messages`, message);
}

/** Puts a meeting in the organizer's and attendees' calendars (a Teams meeting when online). */
export function seedEvent(
  graph: LocalGraph,
  upn: string,
  event: {
    subject: string;
    start: string;
    end: string;
    attendees?: string[];
    isOnlineMeeting?: boolean;
    categories?: string[];
  },
): Promise<{ id: string; onlineMeeting?: { joinUrl: string } | null }> {
  return post(graph, `mailboxes/${encodeURIComponent(upn)}/events`, event);
}

/** Creates a team with channels. */
export function seedTeam(
  graph: LocalGraph,
  team: { displayName: string; members: string[]; channels: string[] },
): Promise<{ id: string; channels: { id: string; displayName: string }[] }> {
  return post(graph, 'teams', team);
}

/** Reads a local-only endpoint. */
export async function localGet<T>(graph: LocalGraph, path: string): Promise<T> {
  const response = await fetch(`${graph.server.origin}/_local/${path}`);
  if (!response.ok) throw new Error(`GET /_local/${path}: ${response.status}`);
  return (await response.json()) as T;
}
