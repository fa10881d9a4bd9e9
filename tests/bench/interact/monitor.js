// Injected into the app page before it loads (page.addInitScript): plain JavaScript, so nothing
// of a TypeScript transform (helpers such as __name) reaches the browser. It watches the page from
// inside, in the page's own clock: input events, long tasks, and the DOM changes that say a view
// has its data (data-ready) or a chart has drawn (data-rendered, set on ECharts' 'finished').
(() => {
  const state = { lastInput: -1, longTasks: [], watch: null, settled: null };
  /** How long no view or chart may change before a 'views' watch counts the change as rendered. */
  const QUIET_MS = 300;
  // The user's action ends with the pointer release (a click, the end of a brush drag): its event
  // time is t0. Capture phase, so no handler of the app runs before it is noted.
  window.addEventListener('pointerup', (e) => (state.lastInput = e.timeStamp), true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  // The views and charts, looked up again only when elements were added or removed: the check runs
  // inside the change's own task (a mutation observer), so it should add as little as it can.
  let elements = null;
  const lookUp = () => (elements = { views: [...document.querySelectorAll('[data-view]')], charts: [...document.querySelectorAll('.chart[data-testid]')] });
  const views = () => (elements ?? lookUp()).views;
  const charts = () => (elements ?? lookUp()).charts;
  const rendered = (el) => Number(el.getAttribute('data-rendered') || 0);

  /**
   * Notes each view that went busy and the last time it turned ready after being busy (when its
   * new data arrived; also the watch's `last` change); whether every view is ready now.
   */
  function trackViews(w, now) {
    let allReady = true;
    for (const v of views()) {
      const name = v.getAttribute('data-view');
      const ready = v.getAttribute('data-ready') === 'true';
      if (!ready) {
        w.wentBusy.add(name);
        delete w.readyAt[name];
      } else if (w.wentBusy.has(name) && w.readyAt[name] === undefined) {
        w.readyAt[name] = now;
        w.last = now;
      }
      allReady &&= ready;
    }
    return allReady;
  }

  /** Checks the watched condition after every DOM change; times are taken as the change lands. */
  function check(records = []) {
    const w = state.watch;
    if (records.some((r) => r.type === 'childList')) elements = null;
    // A view that was busy and ready again between two checks still counts as busy once.
    for (const r of records) if (r.attributeName === 'data-ready' && r.oldValue === 'false' && w) w.wentBusy.add(r.target.getAttribute('data-view'));
    if (!w) return;
    const now = performance.now();
    if (w.kind === 'settle') {
      const allReady = trackViews(w, now);
      let chartsDone = true;
      for (const el of charts()) {
        const before = w.before.get(el);
        const done = before === undefined ? rendered(el) >= 1 : rendered(el) > before;
        const name = el.getAttribute('data-testid');
        if (done) {
          w.changed = true;
          if (w.chartAt[name] === undefined) w.chartAt[name] = now;
        }
        chartsDone &&= done;
      }
      if (w.wentBusy.size > 0) w.changed = true;
      if (allReady && chartsDone && w.changed) finish({ at: now, readyAt: w.readyAt, chartAt: w.chartAt });
    } else if (w.kind === 'views') {
      // A page whose charts do not all change with every filter (the Media page): done once every
      // view is ready (again, if it went busy) and no view or chart has changed for QUIET_MS; `at`
      // is the last of those changes, so the quiet wait is not counted.
      const allReady = trackViews(w, now);
      for (const el of charts()) {
        const before = w.before.get(el) ?? 0;
        const name = el.getAttribute('data-testid');
        if (rendered(el) > before && w.chartAt[name] === undefined) {
          w.chartAt[name] = now;
          w.last = now;
        }
      }
      clearTimeout(w.quiet);
      // Answered in memory, the views never go busy: a chart drawn anew says the change landed.
      if (allReady && (w.wentBusy.size > 0 || Object.keys(w.chartAt).length > 0)) w.quiet = setTimeout(() => state.watch === w && finish({ at: w.last, readyAt: w.readyAt, chartAt: w.chartAt }), QUIET_MS);
    } else if (w.kind === 'explorerPage') {
      const page = document.querySelector('[data-testid="explorer-page"]');
      const table = document.querySelector('[data-testid="explorer-table"]');
      if (page?.getAttribute('data-page') === String(w.page) && table?.getAttribute('aria-busy') === 'false') finish({ at: now });
    }
  }

  const heapNow = () => (performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1e6) : null);
  const observer = new MutationObserver(check);
  // A fast change may settle before the bench asks for it: the result waits in `state.settled`.
  function finish(result) {
    state.watch = null;
    observer.disconnect();
    // The JS heap before and after (Chromium's coarse figure): a drop of hundreds of MB in a slow change is a major GC.
    state.settled = { ...result, t0: state.lastInput, heapBefore: state.heapBefore, heapAfter: heapNow() };
  }

  window.__interactBench = {
    /**
     * Arms a watch before the action (what every chart has drawn so far is its baseline); wait()
     * then resolves once it holds. 'settle': every view ready again and every chart redrawn (or
     * newly drawn); 'views': every view ready again, then quiet (see check); 'explorerPage': the
     * explorer shows page `page` and is no longer busy.
     */
    arm(kind, page) {
      if (state.watch) throw new Error('a watch is already armed');
      state.settled = null;
      elements = null;
      state.heapBefore = heapNow();
      state.watch = { kind, page, before: new Map(charts().map((el) => [el, rendered(el)])), wentBusy: new Set(), readyAt: {}, chartAt: {}, changed: false, last: 0, quiet: 0 };
      state.lastInput = -1;
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-ready', 'data-rendered', 'data-page', 'aria-busy'] });
    },
    wait(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      return new Promise((resolve, reject) => {
        const poll = () => {
          if (state.settled) {
            const result = state.settled;
            state.settled = null;
            return resolve(result);
          }
          const w = state.watch;
          if (!w) return reject(new Error('nothing armed'));
          if (performance.now() < deadline) return void setTimeout(poll, 5);
          state.watch = null;
          observer.disconnect();
          reject(new Error(`not settled after ${timeoutMs} ms: ${views().map((v) => `${v.getAttribute('data-view')}=${v.getAttribute('data-ready')}`).join(' ')}; charts ${charts().map((c) => `${c.getAttribute('data-testid')}=${rendered(c)}(before ${w.before.get(c) ?? 'new'})`).join(' ')}`));
        };
        check();
        poll();
      });
    },
    /** The views' queries that started at or after t0 (see QUERY_MEASURE): the coordinator's, and answers from the in-memory cube. */
    queriesSince(t0) {
      return performance
        .getEntriesByName('leadloop:query')
        .filter((e) => e.startTime >= t0)
        .map((e) => ({ start: e.startTime, end: e.startTime + e.duration, cached: Boolean(e.detail?.cached), cube: e.detail?.engine === 'cube' }));
    },
    longTasks(from, to) {
      return state.longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
    },
    now: () => performance.now(),
  };
})();
