import type { RequestContext } from '../http/context.js';
import { badRequest } from '../http/graphError.js';
import { evaluateFilter } from '../odata/evaluateFilter.js';
import { parseFilter } from '../odata/parseFilter.js';
import { linkWith, option, parseExpand, parseOrderBy, parseSelect, parseTop } from '../odata/queryOptions.js';
import { selectProperties } from '../odata/select.js';
import { extensionsOf } from './extensions.js';
import type { MailboxItemKind, MailboxResource } from './mailboxItems.js';

/** Outlook's page size when a request names no `$top`. */
export const outlookPageSize = 10;

/**
 * How `$expand=extensions($filter=id eq '...')` asks for extensions: undefined when not expanded, else a test
 * each extension must pass. The id may be given as the extension's name or its full id, as Outlook accepts.
 */
function extensionExpansion(ctx: RequestContext): ((ext: Record<string, unknown>) => boolean) | undefined {
  const expand = parseExpand(option(ctx.query, '$expand'));
  let test: ((ext: Record<string, unknown>) => boolean) | undefined;
  for (const e of expand) {
    if (e.name.toLowerCase() !== 'extensions')
      throw badRequest(`Could not find a navigation property named '${e.name}'.`);
    let filterText: string | undefined;
    for (const [k, v] of e.options) {
      if (/^\$?filter$/i.test(k)) filterText = v;
      else throw badRequest(`Query option '${k}' is not allowed inside $expand=extensions.`);
    }
    const filter = filterText === undefined ? undefined : parseFilter(filterText);
    test = (ext) => !filter || evaluateFilter(filter, ext) || evaluateFilter(filter, { ...ext, id: ext.extensionName });
  }
  return test;
}

/** Renders one item with `$select` and expanded extensions applied. */
export function shapeMailboxItem(
  ctx: RequestContext,
  kind: MailboxItemKind,
  item: MailboxResource,
): Record<string, unknown> {
  const expansion = extensionExpansion(ctx);
  const out = selectProperties(item, parseSelect(option(ctx.query, '$select')), ['extensions']) as Record<
    string,
    unknown
  >;
  if (expansion) {
    const extensions = extensionsOf(ctx.db, kind, item.id) as unknown as Record<string, unknown>[];
    out['extensions@odata.context'] =
      `${ctx.serviceRoot}/$metadata#users('${ctx.principal.userId}')/${kind}s('${item.id}')/extensions`;
    out.extensions = extensions.filter(expansion);
  }
  return out;
}

/**
 * Answers a collection of mailbox items with Outlook's query options: `$filter` (including
 * `Extensions/any(e: e/id eq '...')` and `categories/any(c: c eq '...')`), `$orderby`, `$select`, `$expand`,
 * `$top` and `$skip` (Outlook pages with `$skip` in `@odata.nextLink`).
 */
export function mailboxCollection(
  ctx: RequestContext,
  kind: MailboxItemKind,
  items: MailboxResource[],
  contextUrl: string,
): Record<string, unknown> {
  const filterText = option(ctx.query, '$filter');
  let selected = items;
  if (filterText !== undefined) {
    const filter = parseFilter(filterText);
    selected = items.filter((item) => {
      const extensions = extensionsOf(ctx.db, kind, item.id).map((e) => ({ ...e, id: e.extensionName }));
      return evaluateFilter(filter, { ...item, extensions });
    });
  }
  const order = parseOrderBy(option(ctx.query, '$orderby'));
  if (order.length > 0) {
    selected = [...selected].sort((a, b) => {
      for (const key of order) {
        const x = readPath(a, key.path);
        const y = readPath(b, key.path);
        if (x === y) continue;
        const cmp = x === undefined ? -1 : y === undefined ? 1 : String(x) < String(y) ? -1 : 1;
        return key.descending ? -cmp : cmp;
      }
      return 0;
    });
  }
  const top = parseTop(ctx.query, 1000) ?? outlookPageSize;
  const skipRaw = option(ctx.query, '$skip');
  if (skipRaw !== undefined && !/^\d+$/.test(skipRaw)) throw badRequest(`Invalid value '${skipRaw}' for $skip.`);
  const skip = Number(skipRaw ?? 0);
  const page = selected.slice(skip, skip + top);
  const body: Record<string, unknown> = { '@odata.context': contextUrl };
  if (skip + top < selected.length) {
    body['@odata.nextLink'] = linkWith(ctx.serviceRoot, ctx.path, ctx.query, '$skip', String(skip + top));
  }
  body.value = page.map((item) => shapeMailboxItem(ctx, kind, item));
  return body;
}

function readPath(item: unknown, path: string[]): unknown {
  let v: unknown = item;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}
