import { linkKinds, type Link, type LinkKind } from '@tandem/core';

/** Headings of each kind of link, plural. */
export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  commit: 'Commits',
  pullRequest: 'Pull requests',
  meeting: 'Meetings',
  email: 'Emails',
  workItem: 'Work items',
  document: 'Documents',
};

/**
 * The links made to any of `keys` (an objective, its key results and its initiatives), grouped by kind in a fixed
 * order, newest first within each group; kinds without links are left out.
 */
export function groupLinks(links: readonly Link[], keys: ReadonlySet<string>): { kind: LinkKind; links: Link[] }[] {
  const mine = links.filter((l) => keys.has(l.targetKey));
  return linkKinds
    .map((kind) => ({
      kind,
      links: mine
        .filter((l) => l.kind === kind)
        .sort((a, b) => (b.occurredAt ?? b.linkedAt).localeCompare(a.occurredAt ?? a.linkedAt)),
    }))
    .filter((g) => g.links.length > 0);
}
