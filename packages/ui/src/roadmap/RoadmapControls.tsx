/**
 * The parts of the roadmap above its timeline: the filters and zoom, and the summary with the health legend. Each is
 * memoised on what it shows, so that the timeline's own renders (its first measure, every scroll of the virtualised
 * rows, a resize) draw the rows alone and leave these as they are.
 */
import { Button, Field, mergeClasses, Select, Text, ToggleButton } from '@fluentui/react-components';
import { ChevronLeft20Regular } from '@fluentui/react-icons/svg/chevron-left';
import { ChevronRight20Regular } from '@fluentui/react-icons/svg/chevron-right';
import { initiativeStatuses } from '@tandem/core';
import { memo } from 'react';
import { formatDate, HEALTH_LABELS, INITIATIVE_STATUS_LABELS } from '../display/format.js';
import type { RoadmapFilters, RoadmapState } from './Roadmap.types.js';
import type { useRoadmapStyles } from './useRoadmapStyles.styles.js';

type RoadmapStyles = ReturnType<typeof useRoadmapStyles>;

const kindLabels = { all: 'All objectives', business: 'Business priorities', it: 'IT capabilities' } as const;

/** Props of {@link RoadmapToolbar}: the roadmap state's filters and zoom, with their setters. */
export type RoadmapToolbarProps = Pick<
  RoadmapState,
  'filters' | 'setFilters' | 'toggleStatus' | 'owners' | 'zoom' | 'setZoom' | 'shiftWindow' | 'statusLabelId'
> & { styles: RoadmapStyles };

/** Filters by owner, objective kind and status, and the zoom (with the months view's window shifts). */
export const RoadmapToolbar = memo(function RoadmapToolbar(props: RoadmapToolbarProps) {
  const { filters, setFilters, styles } = props;
  return (
    <div className={styles.toolbar} role="group" aria-label="Roadmap filters">
      {/* Native selects and toggle buttons rather than Fluent's Dropdown: three dropdowns (their listbox, positioning
          and focus code) were a sixth of the tab's start-up work, measured, for a choice a native select makes well. */}
      <Field label="Owner or sponsor" className={styles.filter}>
        <Select
          value={filters.owner ?? ''}
          onChange={(_, d) => setFilters({ ...filters, owner: d.value || undefined })}
        >
          <option value="">Everyone</option>
          {props.owners.map((o) => (
            <option key={o.email} value={o.email}>
              {o.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Objective kind" className={styles.filter}>
        <Select
          value={filters.kind}
          onChange={(_, d) => setFilters({ ...filters, kind: d.value as RoadmapFilters['kind'] })}
        >
          {(['all', 'business', 'it'] as const).map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </Select>
      </Field>
      <div role="group" aria-labelledby={props.statusLabelId} className={styles.statusFilter}>
        <Text id={props.statusLabelId}>Status (any when none is chosen)</Text>
        <div className={styles.toggles}>
          {initiativeStatuses.map((s) => (
            <ToggleButton
              key={s}
              size="small"
              checked={filters.statuses.includes(s)}
              // Pressed ones filled, as the zoom's: the checked style alone is faint in the dark theme.
              appearance={filters.statuses.includes(s) ? 'primary' : 'secondary'}
              onClick={() => props.toggleStatus(s)}
            >
              {INITIATIVE_STATUS_LABELS[s]}
            </ToggleButton>
          ))}
        </div>
      </div>
      {/* Toggle buttons rather than a TabList: the tab list's focus sentinels are flagged by axe as hidden-but-focusable. */}
      <div role="group" aria-label="Zoom" className={styles.zoom}>
        {(['quarters', 'months'] as const).map((z) => (
          <ToggleButton
            key={z}
            size="small"
            checked={props.zoom === z}
            appearance={props.zoom === z ? 'primary' : 'secondary'}
            onClick={() => props.setZoom(z)}
          >
            {z === 'quarters' ? 'Quarters' : 'Months'}
          </ToggleButton>
        ))}
      </div>
      {props.zoom === 'months' && (
        <>
          <Button icon={<ChevronLeft20Regular />} aria-label="Earlier months" onClick={() => props.shiftWindow(-3)} />
          <Button icon={<ChevronRight20Regular />} aria-label="Later months" onClick={() => props.shiftWindow(3)} />
        </>
      )}
    </div>
  );
});

/** Props of {@link RoadmapSummary}. */
export interface RoadmapSummaryProps {
  initiativeCount: number;
  /** The first day of the range shown (ISO). */
  rangeStart: string;
  /** The day after the range shown (ISO). */
  rangeEnd: string;
  styles: RoadmapStyles;
}

/** How many initiatives are shown over which range, and what each health colour means. */
export const RoadmapSummary = memo(function RoadmapSummary({
  initiativeCount,
  rangeStart,
  rangeEnd,
  styles,
}: RoadmapSummaryProps) {
  return (
    <div className={styles.summary}>
      <Text size={200} data-testid="roadmap-count">
        {initiativeCount} {initiativeCount === 1 ? 'initiative' : 'initiatives'} · {formatDate(rangeStart)} –{' '}
        {formatDate(rangeEnd)}
      </Text>
      <div className={styles.legend} aria-label="Health colours">
        {(['onTrack', 'atRisk', 'offTrack'] as const).map((h) => (
          <Text size={200} key={h}>
            <span className={mergeClasses(styles.swatch, styles[h])} aria-hidden />
            {HEALTH_LABELS[h]}
          </Text>
        ))}
      </div>
    </div>
  );
});
