import { validateEntity, type EntityKind } from '@tandem/core';
import type { OutboxWrite } from '@tandem/graph';
import type { Portfolio } from '../data/portfolio.js';
import type { StoreCall } from './storeProtocol.js';

/**
 * The write a store call makes, for the outbox; undefined for reads. The arguments crossed the webview boundary:
 * each is checked here, and a created value is validated before it is kept.
 */
export function writeOf(call: StoreCall): OutboxWrite | undefined {
  const [kind, first, second, third] = call.args as [EntityKind, unknown, unknown, unknown];
  const text = (value: unknown, name: string): string => {
    if (typeof value !== 'string' || value === '') throw new TypeError(`${call.method}: ${name} must be a string`);
    return value;
  };
  switch (call.method) {
    case 'create':
      return { op: 'create', kind, value: validateEntity(kind, first) as never };
    case 'update':
      if (typeof second !== 'object' || second === null || Array.isArray(second))
        throw new TypeError('update: the patch must be an object');
      return { op: 'update', kind, id: text(first, 'id'), patch: second as never, etag: text(third, 'etag') };
    case 'delete':
      return { op: 'delete', kind, id: text(first, 'id'), etag: text(second, 'etag') };
    default:
      return undefined;
  }
}

/** What the webview is told of a write that was kept: the value as it will be once sent. */
export function keptReply(write: OutboxWrite, portfolio: Portfolio): unknown {
  if (write.op === 'create') return { value: write.value, etag: '' };
  if (write.op === 'delete') return undefined;
  const cached = Object.values(portfolio)
    .flatMap((items: unknown) => (Array.isArray(items) ? (items as { id?: unknown }[]) : []))
    .find((item) => item.id === write.id);
  return { value: { ...cached, ...write.patch, id: write.id }, etag: write.etag ?? '' };
}
