import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';

/** One field that differs between the user's edit and the stored version. */
export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

/** Props of {@link ConflictDialog}. */
export interface ConflictDialogProps {
  /** Whether the dialog shows. */
  open: boolean;
  /** What was being changed ("INI-7 New checkout"). */
  subject: string;
  /** The fields of the edit, each with both values. */
  fields: readonly ConflictField[];
  /** Apply my version over theirs (with their ETag). */
  onKeepMine(): void;
  /** Drop my edit and keep what is stored. */
  onUseTheirs(): void;
}

const useStyles = makeStyles({
  changed: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * Someone changed the item since it was read: show both versions side by side and let the user choose.
 * Nothing is overwritten until they do.
 */
export function ConflictDialog({ open, subject, fields, onKeepMine, onUseTheirs }: ConflictDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={open} modalType="alert">
      <DialogSurface data-testid="conflict-dialog">
        <DialogBody>
          <DialogTitle>Someone else changed {subject}</DialogTitle>
          <DialogContent>
            <Text block>
              Your change was not saved because the item changed after you opened it. Compare the two versions and pick
              one.
            </Text>
            <Table size="small" aria-label="Your version and the saved version">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Field</TableHeaderCell>
                  <TableHeaderCell>Your version</TableHeaderCell>
                  <TableHeaderCell>Saved version</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {fields.map((f) => (
                  <TableRow key={f.label}>
                    <TableCell>{f.label}</TableCell>
                    <TableCell className={f.mine !== f.theirs ? styles.changed : undefined} data-testid="conflict-mine">
                      {f.mine}
                    </TableCell>
                    <TableCell
                      className={f.mine !== f.theirs ? styles.changed : undefined}
                      data-testid="conflict-theirs"
                    >
                      {f.theirs}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeepMine} data-testid="conflict-keep-mine">
              Keep mine
            </Button>
            <Button onClick={onUseTheirs} data-testid="conflict-use-theirs">
              Use saved version
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
