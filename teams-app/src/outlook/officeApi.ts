/**
 * The slice of office.js the task pane uses, typed structurally. office.js is a global script loaded in the page's
 * `<head>` (the CDN copy in production, the npm package's copy in local mode and tests); outside Office it only
 * defines `Office.onReady`, which then answers `host: null`. Everything above the manifest's minimum requirement set
 * (Mailbox 1.5) is feature-detected where it is used.
 */

/** An Office async result (`Office.AsyncResult`). */
export interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { name?: string; message?: string; code?: number };
}

/** A callback-style Office call. */
export type AsyncCall<T> = (callback: (result: AsyncResult<T>) => void) => void;

/** `Office.EmailAddressDetails`. */
export interface EmailAddressDetails {
  emailAddress: string;
  displayName: string;
}

/** A property that is a plain value in read mode and an object with `getAsync`/`setAsync` in compose mode. */
export interface ComposeText {
  getAsync(callback: (result: AsyncResult<string>) => void): void;
  setAsync(value: string, callback?: (result: AsyncResult<void>) => void): void;
}

/** `Office.Body` as used here. */
export interface OfficeBody {
  getTypeAsync?(callback: (result: AsyncResult<string>) => void): void;
  setSelectedDataAsync?(
    data: string,
    options: { coercionType: string },
    callback?: (r: AsyncResult<void>) => void,
  ): void;
  prependAsync?(data: string, options: { coercionType: string }, callback?: (r: AsyncResult<void>) => void): void;
}

/** `Office.Categories` (Mailbox 1.8): feature-detected. */
export interface OfficeCategories {
  getAsync(callback: (result: AsyncResult<{ displayName: string; color: string }[]>) => void): void;
  addAsync(names: string[], callback?: (result: AsyncResult<void>) => void): void;
  removeAsync(names: string[], callback?: (result: AsyncResult<void>) => void): void;
}

/** The selected or open item: a message or appointment, read or compose. */
export interface OfficeItem {
  itemType: string;
  /** Read mode only (EWS format). */
  itemId?: string;
  subject?: string | ComposeText;
  internetMessageId?: string;
  conversationId?: string;
  from?: EmailAddressDetails;
  organizer?: EmailAddressDetails | unknown;
  dateTimeCreated?: Date;
  start?: Date | unknown;
  body?: OfficeBody;
  categories?: OfficeCategories;
  /** Mailbox 1.8: the id of a saved compose item. */
  getItemIdAsync?(callback: (result: AsyncResult<string>) => void): void;
  /** Compose: saves the item as a draft and gives its id. */
  saveAsync?(callback: (result: AsyncResult<string>) => void): void;
}

/** `Office.context.mailbox` as used here. */
export interface OfficeMailbox {
  item: OfficeItem | null | undefined;
  convertToRestId(itemId: string, restVersion: string): string;
  addHandlerAsync?(eventType: string, handler: () => void, callback?: (result: AsyncResult<void>) => void): void;
  userProfile?: { emailAddress?: string; displayName?: string };
}

/** `Office.context.officeTheme` (Mailbox 1.14). */
export interface OfficeTheme {
  bodyBackgroundColor?: string;
  controlBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** The `Office` global, as far as the task pane needs it. */
export interface OfficeGlobal {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context?: {
    mailbox?: OfficeMailbox;
    officeTheme?: OfficeTheme;
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
  HostType?: { Outlook?: string };
  EventType?: { ItemChanged?: string };
  CoercionType?: { Html?: string; Text?: string };
  MailboxEnums?: { RestVersion?: { v2_0?: string }; ItemType?: { Message?: string; Appointment?: string } };
}

/** The `Office` global if office.js is on the page. */
export function officeGlobal(win: Window = window): OfficeGlobal | undefined {
  return (win as unknown as { Office?: OfficeGlobal }).Office;
}

/** An Office call failed; names the call and carries Office's message. */
export class OfficeCallError extends Error {
  readonly code = 'office-call-failed';
  constructor(
    readonly call: string,
    message: string,
  ) {
    super(`${call}: ${message}`);
    this.name = 'OfficeCallError';
  }
}

/** Turns a callback-style Office call into a promise that rejects with {@link OfficeCallError} on failure. */
export function officeAsync<T>(call: string, run: AsyncCall<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      run((result) => {
        if (result.status === 'succeeded') resolve(result.value);
        else reject(new OfficeCallError(call, result.error?.message ?? 'failed'));
      });
    } catch (error) {
      reject(new OfficeCallError(call, error instanceof Error ? error.message : String(error)));
    }
  });
}

/** The enum values office.js defines in Outlook, with their documented values when a host leaves one out. */
export function officeEnums(office: OfficeGlobal | undefined) {
  return {
    itemChanged: office?.EventType?.ItemChanged ?? 'olkItemSelectedChanged',
    restV2: office?.MailboxEnums?.RestVersion?.v2_0 ?? 'v2.0',
    html: office?.CoercionType?.Html ?? 'html',
    appointment: office?.MailboxEnums?.ItemType?.Appointment ?? 'appointment',
  };
}
