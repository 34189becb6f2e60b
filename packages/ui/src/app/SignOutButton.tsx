import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SignOut20Regular } from '@fluentui/react-icons/svg/sign-out';
import type { PersonRef } from '@tandem/core';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  who: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/** Props of {@link SignOutButton}. */
export interface SignOutButtonProps {
  /** Who is signed in, shown beside the button. */
  user: PersonRef;
  /** Ends Tandem's session (the host's own session stays). */
  onSignOut(): void;
  /** Hide the name (a narrow bar). @default false */
  compact?: boolean;
}

/** Who is signed in and a "Sign out" that ends only Tandem's session: easy to find, as the store checklist asks. */
export function SignOutButton({ user, onSignOut, compact = false }: SignOutButtonProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {!compact && (
        <Text size={200} className={styles.who} title={user.email}>
          {user.displayName}
        </Text>
      )}
      <Button appearance="subtle" size="small" icon={<SignOut20Regular />} onClick={onSignOut}>
        Sign out
      </Button>
    </div>
  );
}
