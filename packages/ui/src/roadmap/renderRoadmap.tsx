import { Link as FluentLink, mergeClasses, Text } from '@fluentui/react-components';
import { Suspense } from 'react';
import { lazyInitiativeCard } from '../cards/lazyInitiativeCard.js';
import { LoadBoundary } from '../feedback/LoadBoundary.js';
import { ViewHeader } from '../app/ViewHeader.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { formatDate, HEALTH_LABELS } from '../display/format.js';
import type { RoadmapState } from './Roadmap.types.js';
import type { useRoadmapStyles } from './useRoadmapStyles.styles.js';
import { RoadmapSummary, RoadmapToolbar } from './RoadmapControls.js';
import { barVisible } from './useRoadmap.js';
import { percent } from './timeScale.js';

/** Renders {@link Roadmap} from its state. */
export function renderRoadmap(state: RoadmapState, styles: ReturnType<typeof useRoadmapStyles>) {
  const { filters, setFilters, ticks, scale, rows, rowWindow } = state;
  const rangeStart = ticks[0]?.start ?? '';
  const rangeEnd = ticks[ticks.length - 1]?.end ?? '';
  const items = rowWindow.rows;
  const total = rowWindow.totalSize;
  const first = items[0]?.start ?? 0;
  const last = items.length ? items[items.length - 1]!.start + items[items.length - 1]!.size : 0;

  return (
    <>
      <ViewHeader
        title="Roadmap"
        description="Initiatives by objective over time, coloured by health. Arrow keys move between bars; Enter opens one."
      />
      <RoadmapToolbar
        filters={filters}
        setFilters={setFilters}
        toggleStatus={state.toggleStatus}
        owners={state.owners}
        zoom={state.zoom}
        setZoom={state.setZoom}
        shiftWindow={state.shiftWindow}
        statusLabelId={state.statusLabelId}
        styles={styles}
      />
      {state.selectedKey && (
        <LoadBoundary key={state.selectedKey} what="the initiative card">
          <Suspense fallback={null}>
            <lazyInitiativeCard.Component
              store={state.props.store}
              initiativeKey={state.selectedKey}
              now={state.now}
              onOpenObjective={state.props.onOpenObjective}
              onDismiss={() => state.select(undefined)}
            />
          </Suspense>
        </LoadBoundary>
      )}
      <RoadmapSummary
        initiativeCount={state.initiativeCount}
        rangeStart={rangeStart}
        rangeEnd={rangeEnd}
        styles={styles}
      />
      {rows.length === 0 ? (
        <EmptyState
          title="No initiatives match"
          hint="Clear the filters, or add initiatives to the portfolio and align them to an objective."
        />
      ) : null}
      <div
        className={styles.timeline}
        hidden={rows.length === 0}
        onPointerEnter={lazyInitiativeCard.preload}
        onFocus={lazyInitiativeCard.preload}
      >
        <div className={styles.ticks} aria-hidden>
          {ticks.map((t) => (
            <div
              key={t.start}
              className={styles.tick}
              style={{
                left: percent(scale.x(t.start)),
                width: percent(Math.max(0, scale.x(t.end) - scale.x(t.start))),
              }}
            >
              {t.label}
            </div>
          ))}
          {state.todayX !== undefined && (
            <span className={styles.todayLabel} style={{ left: `min(${percent(state.todayX)}, 100% - 40px)` }}>
              Today
            </span>
          )}
        </div>
        <div className={styles.scroll} ref={state.scrollRef} data-testid="roadmap-scroll">
          <div className={styles.inner} style={{ height: total }} role="list" aria-label="Initiatives by objective">
            {ticks.map((t) => (
              <div key={t.start} className={styles.gridLine} style={{ left: percent(scale.x(t.start)) }} aria-hidden />
            ))}
            {state.todayX !== undefined && (
              <div
                className={styles.today}
                style={{ left: percent(state.todayX) }}
                aria-hidden
                data-testid="today-marker"
              />
            )}
            <svg className={styles.dependencies} width="100%" height={total} aria-hidden>
              <defs>
                <marker
                  id="tandem-arrow"
                  viewBox="0 0 8 8"
                  refX="7"
                  refY="4"
                  markerWidth="6"
                  markerHeight="6"
                  orient="auto"
                >
                  <path d="M0,0 L8,4 L0,8 z" className={styles.arrowHead} />
                </marker>
                <marker
                  id="tandem-arrow-late"
                  viewBox="0 0 8 8"
                  refX="7"
                  refY="4"
                  markerWidth="6"
                  markerHeight="6"
                  orient="auto"
                >
                  <path d="M0,0 L8,4 L0,8 z" className={styles.arrowHeadLate} />
                </marker>
              </defs>
              {state.dependencies
                .filter((d) => Math.max(d.y1, d.y2) >= first - 200 && Math.min(d.y1, d.y2) <= last + 200)
                .map((d) => {
                  const bend = Math.max(d.x1 + 8, (d.x1 + d.x2) / 2);
                  return (
                    <path
                      key={`${d.from}>${d.to}`}
                      data-testid="dependency"
                      className={d.late ? styles.arrowLate : styles.arrow}
                      markerEnd={`url(#${d.late ? 'tandem-arrow-late' : 'tandem-arrow'})`}
                      d={`M${d.x1},${d.y1} C${bend},${d.y1} ${bend},${d.y2} ${d.x2},${d.y2}`}
                    />
                  );
                })}
            </svg>
            {items.map((item) => {
              const row = rows[item.index]!;
              const style = { height: item.size, transform: `translateY(${item.start}px)` };
              if (row.type === 'lane') {
                const key = row.lane.objectiveKey;
                return (
                  <div key={item.index} className={styles.row} style={style} role="listitem">
                    <div className={styles.lane}>
                      {key && state.props.onOpenObjective ? (
                        <FluentLink
                          as="button"
                          className={styles.laneTitle}
                          onClick={() => state.props.onOpenObjective?.(key)}
                        >
                          {key} {row.lane.title}
                        </FluentLink>
                      ) : (
                        <Text weight="semibold" className={styles.laneTitle}>
                          {key ? `${key} ${row.lane.title}` : row.lane.title}
                        </Text>
                      )}
                    </div>
                  </div>
                );
              }
              return (
                <div
                  key={item.index}
                  className={styles.row}
                  style={style}
                  role="listitem"
                  aria-label={`${row.lane.title}, row ${row.row + 1}`}
                >
                  {row.bars.map((bar, barIndex) => {
                    if (!barVisible(bar.start, bar.end, rangeStart, rangeEnd)) return null;
                    const health = state.health.get(bar.key);
                    const x = scale.x(bar.start);
                    const w = scale.xEnd(bar.end) - x;
                    const position = { rowIndex: item.index, barIndex };
                    const isActive = state.active
                      ? state.active.rowIndex === item.index && state.active.barIndex === barIndex
                      : item.index === firstBarRow(state) && barIndex === 0;
                    const healthLabel = health ? HEALTH_LABELS[health.status] : '';
                    return (
                      <div
                        key={bar.key}
                        role="button"
                        tabIndex={isActive ? 0 : -1}
                        data-bar-position={`${item.index}:${barIndex}`}
                        data-testid="roadmap-bar"
                        data-key={bar.key}
                        aria-label={`${bar.key} ${bar.title}, ${healthLabel}, ${formatDate(bar.start)} to ${formatDate(bar.end)}`}
                        aria-pressed={state.selectedKey === bar.key}
                        title={`${bar.key} ${bar.title} · ${healthLabel}${health ? ` (${health.reason})` : ''}`}
                        className={mergeClasses(
                          styles.bar,
                          health && styles[health.status],
                          state.selectedKey === bar.key && styles.selected,
                        )}
                        style={{ left: percent(x), width: `max(6px, ${percent(w)})` }}
                        onClick={() => state.select(bar.key)}
                        onFocus={() => state.onBarFocus(position)}
                        onKeyDown={(e) => state.onBarKeyDown(e, position)}
                      >
                        {bar.key} {bar.title}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}

function firstBarRow(state: RoadmapState): number {
  return state.rows.findIndex((r) => r.type === 'bars' && r.bars.length > 0);
}
