/**
 * The in-page half of the browser benchmark. Playwright serialises `instrument` into an init
 * script (context.addInitScript), so it must stay self-contained: no imports, no closures over
 * this module. Everything the Node side reads is on window.__bench.
 */

/**
 * Installed before the app's scripts: performance observers (long tasks, Event Timing, LCP),
 * a capture-phase keydown/hashchange recorder (armed on demand) and frame counters.
 */
export function instrument() {
  const b = { armed: false, marks: [], longtasks: [], events: [], lcp: [], fcp: null, support: {} };
  // Only LCP and paint are buffered: in Chromium 156 a buffered 'longtask' (or 'event') observer
  // registered at document start stops LCP entries from ever being reported. Registered this
  // early, the others miss nothing anyway.
  const observe = (type, opts, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, ...opts });
      b.support[type] = true;
    } catch {
      b.support[type] = false;
    }
  };
  observe('longtask', {}, (e) => b.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe('event', { durationThreshold: 16 }, (e) =>
    b.events.push({ name: e.name, start: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd, interactionId: e.interactionId }));
  observe('largest-contentful-paint', { buffered: true }, (e) => b.lcp.push({ time: e.renderTime || e.loadTime || e.startTime, size: e.size, tag: e.element?.tagName ?? null }));
  observe('paint', { buffered: true }, (e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; });

  /** t0 at the event, then: the next rAF (frame start) and a task right after that frame (painted). */
  const mark = (kind, ts) => {
    const m = { kind, t0: performance.now(), ts, raf: null, painted: null, allPainted: null };
    b.marks.push(m);
    requestAnimationFrame(() => {
      m.raf = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        m.painted = performance.now();
        m.onPainted?.();
      };
      ch.port2.postMessage(null);
    });
  };
  /**
   * Every panel updated: a task after the frame that showed the last DOM change since the latest
   * mark, outside the diagram's animation layers (the fading picture, the flow), whose changes
   * are motion, not content. The panels that render after the answering frame land here.
   */
  const isMotion = (node) => !!(node.nodeType === 1 ? node : node.parentElement)?.closest('.network-afterimage, .network-flow');
  const panels = new MutationObserver((records) => {
    const m = b.marks[b.marks.length - 1];
    if (!b.armed || !m || records.every((r) => isMotion(r.target))) return;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { m.allPainted = performance.now(); };
      ch.port2.postMessage(null);
    });
  });
  /** Watching every DOM change costs the page work of its own: on only for the presses that measure it. */
  b.watchPanels = (on) => {
    if (on) panels.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    else panels.disconnect();
  };
  document.addEventListener('keydown', (e) => { if (b.armed) mark(e.key, e.timeStamp); }, true);
  window.addEventListener('hashchange', (e) => { if (b.armed) mark('hashchange', e.timeStamp); }, true);

  /**
   * Resolves once mark i has painted, plus one more frame so presses never overlap. Waits on the
   * mark's own callback: a polling loop would keep the page's main thread busy while it is measured.
   */
  b.settled = (i, timeoutMs = 10000) => new Promise((res) => {
    const done = (ok) => requestAnimationFrame(() => res(ok));
    const started = performance.now();
    const attach = () => {
      const m = b.marks[i];
      if (m?.painted !== null && m?.painted !== undefined) return done(true);
      if (m) {
        const timer = setTimeout(() => done(false), timeoutMs);
        m.onPainted = () => { clearTimeout(timer); done(true); };
        return;
      }
      // The press has not reached the page yet (rare): look again shortly.
      if (performance.now() - started > timeoutMs) return done(false);
      setTimeout(attach, 4);
    };
    attach();
  });

  /**
   * Every draw into the data view's boundary canvas (the one whose accessible name starts
   * "Decision boundary" or "Regression surface"), as a timestamp. Why wrap the 2-D context:
   * a canvas redraw changes no DOM, so no observer sees it; counting putImageData/drawImage
   * calls on that canvas counts exactly the pictures the page painted into it.
   */
  b.boundaryDraws = [];
  const isBoundary = (canvas) => canvas instanceof HTMLCanvasElement
    && /^(Decision boundary|Regression surface)/.test(canvas.getAttribute('aria-label') ?? '');
  for (const name of ['putImageData', 'drawImage']) {
    const original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function draw(...args) {
      if (isBoundary(this.canvas)) b.boundaryDraws.push(performance.now());
      return original.apply(this, args);
    };
  }
  /** Boundary draws in [start, end]: how many, per second, and the longest wait between two (or the ends). */
  b.drawsBetween = (start, end) => {
    const ts = b.boundaryDraws.filter((t) => t >= start && t <= end);
    let maxGap = 0;
    [start, ...ts, end].reduce((prev, t) => { maxGap = Math.max(maxGap, t - prev); return t; });
    return { count: ts.length, perSecond: (ts.length * 1000) / Math.max(1, end - start), maxGap };
  };

  /** Counts rAF callbacks until stop() (or `ms`); frame gaps let us count janky frames. */
  b.frames = () => {
    const f = { count: 0, start: performance.now(), end: null, maxGap: 0, over50: 0, last: null, running: true };
    const tick = (t) => {
      if (!f.running) return;
      if (f.last !== null) {
        const gap = t - f.last;
        f.maxGap = Math.max(f.maxGap, gap);
        if (gap > 50) f.over50++;
      }
      f.last = t;
      f.count++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    b.frameCounter = f;
    return true;
  };
  b.stopFrames = () => {
    const f = b.frameCounter;
    f.running = false;
    f.end = performance.now();
    const long = b.longtasks.filter((t) => t.start >= f.start && t.start <= f.end);
    return { count: f.count, elapsed: f.end - f.start, maxGap: f.maxGap, over50: f.over50, longtasks: long.length, over100: long.filter((t) => t.duration > 100).length, longestTask: Math.max(0, ...long.map((t) => t.duration)) };
  };

  /** The iteration the controls bar shows ("Iteration 1000"), or the link's it=…, or null. */
  b.iteration = () => {
    const el = document.querySelector('.status-iteration') ?? document.querySelector('#controls');
    const m = /(\d[\d,\u202f\u00a0 ]*)/.exec(el?.textContent ?? '');
    if (m) return Number(m[1].replace(/\D/g, ''));
    const it = /(?:^|[#&])it=(\d+)/.exec(location.hash);
    return it ? Number(it[1]) : null;
  };
  b.isTraining = () => !!document.querySelector('progress');

  /**
   * Waits for a training job to reach `target` iterations and finish, counting frames meanwhile.
   * `t0` comes from the Train click (capture listener). Resolves with timings, or a timeout.
   */
  b.clickT0 = null;
  document.addEventListener('click', () => { if (b.armed) b.clickT0 = performance.now(); }, true);
  b.waitTraining = (target, timeoutMs) => new Promise((res) => {
    b.frames();
    let sawProgress = false;
    let maxDone = 0;
    const check = () => {
      const training = b.isTraining();
      if (training) {
        sawProgress = true;
        const p = document.querySelector('progress');
        maxDone = Math.max(maxDone, Number(p?.value ?? 0));
      }
      const it = b.iteration();
      const now = performance.now();
      if (!training && it === target) {
        res({ ok: true, end: now, t0: b.clickT0, sawProgress, frames: b.stopFrames(), draws: b.drawsBetween(b.clickT0 ?? now, now) });
        return true;
      }
      if (now - (b.clickT0 ?? now) > timeoutMs) {
        res({ ok: false, end: now, t0: b.clickT0, sawProgress, maxDone: Math.max(maxDone, it ?? 0), frames: b.stopFrames(), draws: b.drawsBetween(b.clickT0 ?? now, now) });
        return true;
      }
      return false;
    };
    const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const poll = () => { if (!check()) setTimeout(poll, 50); else mo.disconnect(); };
    poll();
  });
  /** Waits for the race's status to say it is over (counting frames meanwhile), from the Start click (t0). */
  b.waitRace = (timeoutMs) => new Promise((res) => {
    b.frames();
    const check = () => {
      const now = performance.now();
      const over = [...document.querySelectorAll('[role="status"]')].some((el) => /^Race over/.test(el.textContent ?? ''));
      if (!over && now - (b.clickT0 ?? now) <= timeoutMs) return false;
      const finished = [...document.querySelectorAll('td')].filter((td) => td.textContent === 'Finished').length;
      res({ ok: over, end: now, t0: b.clickT0, finished, frames: b.stopFrames() });
      return true;
    };
    const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    const poll = () => { if (!check()) setTimeout(poll, 50); else mo.disconnect(); };
    poll();
  });
  window.__bench = b;
}
