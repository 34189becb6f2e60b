/**
 * The navigation as a drawer, for views too narrow for the side navigation (Teams' 720 px minimum, the meeting stage).
 * It comes in a chunk of its own the first time it is opened (see `renderTandemApp`): the drawer, its dialog and their
 * motion are not part of the first screen.
 */
import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons/svg/dismiss';
import { TandemNav } from './TandemNav.js';
import type { ViewId } from './views.js';

/** Props of {@link NavDrawer}. */
export interface NavDrawerProps {
  open: boolean;
  setOpen(open: boolean): void;
  current: ViewId;
  onSelect(view: ViewId): void;
}

/** The drawer with the views, over the page from its start edge. */
export function NavDrawer(props: NavDrawerProps) {
  return (
    <OverlayDrawer open={props.open} onOpenChange={(_, d) => props.setOpen(d.open)} position="start">
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close navigation"
              icon={<Dismiss20Regular />}
              onClick={() => props.setOpen(false)}
            />
          }
        >
          Views
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <TandemNav current={props.current} onSelect={props.onSelect} />
      </DrawerBody>
    </OverlayDrawer>
  );
}
