import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A list item that failed validation and was left out of the views (written around the app, e.g. a `javascript:` URL). */
export interface SkippedItem {
  /** The entity kind of the list ("link"). */
  kind: string;
  /** What was wrong, naming the list item and the field ("invalid link in list item 37: url: …"). */
  message: string;
}

/** Props of {@link SkippedItemsBar}. */
export interface SkippedItemsBarProps {
  items: readonly SkippedItem[];
}

/**
 * A non-blocking warning naming each list item left out because it failed validation; the rest of the portfolio shows
 * as usual. Nothing is rendered when no item was skipped. A status region, so screen readers hear it without a focus move.
 */
export function SkippedItemsBar({ items }: SkippedItemsBarProps) {
  if (items.length === 0) return null;
  const one = items.length === 1;
  return (
    <MessageBar intent="warning" layout="multiline" role="status" data-testid="skipped-items">
      <MessageBarBody>
        <MessageBarTitle>{one ? '1 item was skipped' : `${items.length} items were skipped`}</MessageBarTitle>
        {one ? 'It' : 'They'} could not be read and {one ? 'is' : 'are'} left out; everything else is shown. Ask a site
        owner to correct {one ? 'it' : 'them'} in SharePoint:
        <ul>
          {items.map((item) => (
            <li key={item.message}>{item.message}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
