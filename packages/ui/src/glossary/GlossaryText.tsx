import { makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { glossaryMatches, type GlossaryTerm } from '@tandem/core';
import { useMemo, type ReactNode } from 'react';

const useStyles = makeStyles({
  term: {
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    textUnderlineOffset: '3px',
    cursor: 'help',
    // Focusable so keyboard users get the explanation too.
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** Props of {@link GlossaryText}. */
export interface GlossaryTextProps {
  text: string;
  terms: readonly GlossaryTerm[];
}

/**
 * Text in which the glossary's business and technical terms explain themselves: each is underlined and, on hover or
 * focus, shows its counterpart and definition. Everything stays text (React escapes it).
 */
export function GlossaryText({ text, terms }: GlossaryTextProps) {
  const styles = useStyles();
  const parts = useMemo(() => {
    const out: ReactNode[] = [];
    let at = 0;
    for (const m of glossaryMatches(text, terms)) {
      if (m.start > at) out.push(text.slice(at, m.start));
      const other =
        m.text.toLowerCase() === m.term.businessTerm.toLowerCase() ? m.term.technicalTerm : m.term.businessTerm;
      out.push(
        <Tooltip key={m.start} relationship="description" content={`${other}: ${m.term.definition}`}>
          <span className={styles.term} tabIndex={0} data-testid="glossary-term">
            {m.text}
          </span>
        </Tooltip>,
      );
      at = m.end;
    }
    if (at < text.length) out.push(text.slice(at));
    return out;
  }, [text, terms, styles.term]);
  return <>{parts}</>;
}
