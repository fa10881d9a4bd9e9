import type { ECharts } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { inOwnTask } from '../inOwnTask';
import { whenIdle } from '../whenIdle';
import type { ChartOption } from './chartStyle';

/** ECharts in a chunk of its own, fetched once by the first chart that mounts. */
let echartsModule: Promise<typeof import('./echarts')> | null = null;
const loadECharts = () => (echartsModule ??= import('./echarts'));

/** A new filter's data merged into the chart's components: only the series are replaced. */
const MERGE = { replaceMerge: ['series'] };

/** What ECharts tells about the element under the pointer (the parts the pages use). */
export interface ChartElement {
  readonly name: string;
  readonly seriesName?: string;
  readonly seriesIndex?: number;
  readonly dataIndex: number;
  readonly value: unknown;
  readonly data?: unknown;
  /** The browser's event behind it: its `detail` counts the clicks of a double click. */
  readonly event?: { readonly event?: { readonly detail?: number } };
}

export interface ChartProps {
  readonly option: ChartOption;
  readonly label: string;
  readonly height?: number;
  /** A click on a data element (a bar, a cell, a point): the pages cross-filter on it. */
  readonly onClick?: (element: ChartElement) => void;
  /** A double click: the pages open the leads behind the element. */
  readonly onDoubleClick?: (element: ChartElement) => void;
  /** Category indexes covered by an x-axis brush (first, last), or null when it was cleared. */
  readonly onBrush?: (range: readonly [number, number] | null) => void;
  readonly testId?: string;
  /**
   * Draw each new option in a task of its own instead of in React's effects: for pages whose
   * charts change together (Planning's, when a slider rests), so no one task draws them all.
   */
  readonly ownTask?: boolean;
}

/**
 * The one thin ECharts binding: options come from pure functions (data → option), this component
 * only owns the chart instance, its events, resizing and disposal. Screen readers get the chart's
 * `label` and the table beside it: ECharts' generated aria description cost ~15 ms per redraw of
 * the Funnel page's five charts, a quarter of its budget. `data-rendered` counts the
 * options drawn, so tests and benchmarks can wait for a chart to show new data. ECharts itself is
 * loaded when the first chart mounts: until then the chart's box is there, empty, at its height.
 */
export function Chart({ option, label, height = 320, onClick, onDoubleClick, onBrush, testId = 'chart', ownTask = false }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  // Handlers change every render; the instance keeps calling the latest ones.
  const handlers = useRef({ onClick, onDoubleClick, onBrush });
  useEffect(() => {
    handlers.current = { onClick, onDoubleClick, onBrush };
  });
  const drawn = useRef(0);
  /** Whether the user's brush is still drawn (clearing one that is not cost ~2.5 ms a redraw). */
  const brushDrawn = useRef(false);

  const shape = useRef('');
  useEffect(() => {
    const host = element.current;
    if (!host) return;
    let dispose: (() => void) | null = null;
    let unmounted = false;
    void loadECharts().then(({ echarts }) => {
      if (unmounted) return;
      const instance = echarts.init(host, undefined, { renderer: 'canvas' });
      instance.on('click', (params) => handlers.current.onClick?.(params as unknown as ChartElement));
      instance.on('dblclick', (params) => handlers.current.onDoubleClick?.(params as unknown as ChartElement));
      instance.on('brushEnd', (params) => {
        const area = (params as { areas?: { coordRange?: [number, number] }[] }).areas?.[0];
        brushDrawn.current = area !== undefined;
        handlers.current.onBrush?.(area?.coordRange ? [Math.round(area.coordRange[0]), Math.round(area.coordRange[1])] : null);
      });
      instance.on('finished', () => host.setAttribute('data-rendered', String(drawn.current)));
      const observer = new ResizeObserver(() => instance.resize());
      observer.observe(host);
      // A new instance has drawn nothing yet: its first option is built in full.
      shape.current = '';
      setChart(instance);
      dispose = () => {
        observer.disconnect();
        instance.dispose();
      };
    });
    return () => {
      unmounted = true;
      dispose?.();
      setChart(null);
    };
  }, []);

  useEffect(() => {
    const instance = chart;
    if (!instance) return;
    /** Draws the option; returns the cancel of the idle redraw that follows a rebuild. */
    const draw = (): (() => void) | undefined => {
      drawn.current += 1;
      // Merging into the chart's components (replacing only its series) redraws a new filter's data
      // ~25 % faster than building the chart anew; an option of another shape is built anew, so no
      // component of the old one lingers.
      const keys = Object.keys(option).sort().join();
      const rebuild = keys !== shape.current;
      shape.current = keys;
      if (rebuild) brushDrawn.current = false; // a chart built anew has no brush drawn
      instance.setOption(option, rebuild ? { notMerge: true } : MERGE);
      // A brush stays available on charts that offer one: drag across months to select them.
      if (onBrush && rebuild) instance.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
      // A merge keeps the drawn brush; the selection it made shows in the option (a marked area) instead.
      else if (brushDrawn.current) {
        brushDrawn.current = false;
        instance.dispatchAction({ type: 'brush', areas: [] });
      }
      // A chart built anew redraws once more by the merge path while the page is idle: that path's
      // code is otherwise compiled during the user's first cross-filter (up to ~40 ms more for it).
      return rebuild ? whenIdle(() => instance.setOption(option, MERGE)) : undefined;
    };
    if (!ownTask) return draw();
    let cancelIdle: (() => void) | undefined;
    const cancelDraw = inOwnTask(() => {
      cancelIdle = draw();
    });
    return () => {
      cancelDraw();
      cancelIdle?.();
    };
  }, [chart, option, onBrush !== undefined]); // eslint-disable-line react-hooks/exhaustive-deps -- the brush is set up once a chart offers it, not per handler

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} data-testid={testId} />;
}
