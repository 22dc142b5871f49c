// In-page probe, installed with context.addInitScript before any app script
// runs. It only observes (plus one optional click, see `autoOpen`); every
// time is performance.now(), i.e. milliseconds since this document's
// navigation started. Results are read back from `window.__bench`.
(() => {
  if (location.pathname.startsWith('/__bench/blank')) return;
  const now = () => performance.now();
  const B = (window.__bench = {
    marks: {},
    storageOps: [],
    keys: [],
    eventEntries: [],
    downloads: [],
    changeAt: null,
    // Set by the driver on the seeding page; window.name survives same-origin navigations.
    autoOpen: window.name === 'bench-autoOpen',
  });

  // After `fn` is true: the frame that shows it (rAF), then just after that
  // frame was produced (a task queued from the rAF callback).
  function markWithFrame(name) {
    B.marks[name] = now();
    requestAnimationFrame(() => {
      B.marks[name + 'Frame'] = now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { B.marks[name + 'Painted'] = now(); };
      ch.port2.postMessage(0);
    });
  }

  // Print: the document is in the DOM, then laid out (forced) with every web
  // font it uses loaded, then the next frame. The static copy of the print
  // view (no scripts) is measured the same way once it has loaded.
  const STATIC = location.pathname === '/bench-static-print.html';
  function laidOut() {
    void document.body.offsetHeight;
    document.fonts.ready.then(() => {
      void document.body.offsetHeight;
      B.marks.fontsReady = now();
      requestAnimationFrame(() => {
        B.marks.printLaidOut = now();
        B.fonts = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight} ${f.style}`);
      });
    });
  }
  if (STATIC) addEventListener('load', () => { B.marks.loadEvent = now(); laidOut(); });

  // Screen readiness, recorded once each, from a MutationObserver.
  const editable = ':not([readonly]):not([disabled])';
  const watches = [
    ['home', `section.home .draft-list a.draft-open, section.home .empty-state button`],
    ['editorField', `.editor-main input${editable}, .editor-main textarea${editable}, .editor-main select${editable}`],
    ['narrative', `textarea[name$=".text"]${editable}`],
    ['print', 'article.doc'],
    ['notFound', 'main#noi-dung > section.screen > h1'],
    ['summaryTable', 'table.summary-table tbody tr'],
  ];
  const pending = new Map(watches);
  function check() {
    for (const [name, sel] of pending) {
      const el = document.querySelector(sel);
      if (!el) continue;
      if (name === 'notFound' && !/Không tìm thấy trang|Không mở được/.test(el.textContent)) continue;
      pending.delete(name);
      markWithFrame(name);
      if (name === 'print' && !STATIC) laidOut();
      if (name === 'editorField' && B.autoOpen) {
        // The user's first act: open section 1 (its narrative) from the checklist.
        requestAnimationFrame(() => {
          const items = document.querySelectorAll('nav.checklist .check-item');
          if (items[1]) {
            B.marks.openClick = now();
            items[1].click();
          }
        });
      }
    }
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['readonly', 'disabled'] });

  // Trunk's loader announces the started app with the wasm exports.
  addEventListener('TrunkApplicationStarted', (e) => {
    B.marks.appStarted = now();
    B.wasm = e.detail && e.detail.wasm;
  });

  // Storage writes of drafts: each setItem timed, and the whole save: the
  // editor marks `bcdv:save-start` / `bcdv:save-end` around it (read the
  // stored revision, write the draft, read it back, keep .prev once per
  // session, add a new draft to the index).
  const proto = Storage.prototype;
  const origSet = proto.setItem;
  const origGet = proto.getItem;
  const record = (self, op, key, t0, t1, chars) => {
    if (self === window.localStorage && typeof key === 'string' && key.startsWith('bcdv.')) {
      B.storageOps.push({ op, key, ms: t1 - t0, at: t0, chars });
    }
  };
  proto.getItem = function (key) {
    const t0 = now();
    const v = origGet.call(this, key);
    record(this, 'get', key, t0, now(), v == null ? 0 : v.length);
    return v;
  };
  proto.setItem = function (key, value) {
    const t0 = now();
    try {
      return origSet.call(this, key, value);
    } finally {
      record(this, 'set', key, t0, now(), String(value).length);
    }
  };
  // `B.saves`: the saves marked since it was last reset (`B.saves = []`),
  // each with the storage calls made inside it.
  let savesSince = 0;
  Object.defineProperty(B, 'saves', {
    set() { savesSince = now(); },
    get() {
      const ends = performance.getEntriesByName('bcdv:save-end', 'mark');
      return performance.getEntriesByName('bcdv:save-start', 'mark')
        .filter((s) => s.startTime >= savesSince)
        .map((s) => {
          const end = ends.find((e) => e.startTime >= s.startTime);
          if (!end) return null;
          const ops = B.storageOps.filter((o) => o.at >= s.startTime && o.at <= end.startTime);
          const draft = ops.find((o) => o.op === 'set' && /^bcdv\.draft\.[^.]+$/.test(o.key));
          if (!draft) return null; // refused (conflict, storage full): not a save
          return {
            start: s.startTime, end: end.startTime, totalMs: end.startTime - s.startTime,
            setMs: draft.ms, chars: draft.chars,
            storageMs: ops.reduce((a, o) => a + o.ms, 0), ops: ops.length,
          };
        })
        .filter(Boolean);
    },
  });

  // Keystrokes: keydown → next animation frame (keystroke-to-frame) and
  // → just after that frame (keystroke-to-paint, approximately).
  addEventListener('keydown', (e) => {
    const k = { t: e.timeStamp, key: e.key };
    B.keys.push(k);
    requestAnimationFrame(() => {
      k.frame = now() - k.t;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { k.paint = now() - k.t; };
      ch.port2.postMessage(0);
    });
  }, true);

  // Event Timing: slow events (>= 16 ms), buffered.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.eventEntries.push({ name: e.name, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd, interactionId: e.interactionId });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (err) {
    B.eventTimingError = String(err);
  }

  // Export: the click on a button, and the moment the app hands the file to
  // the browser (its download anchor is clicked).
  addEventListener('click', (e) => {
    const b = e.target && e.target.closest && e.target.closest('button');
    if (b) B.lastClick = { text: b.textContent.trim(), at: e.timeStamp };
  }, true);
  const origAnchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) B.downloads.push({ name: this.download, at: now() });
    return origAnchorClick.call(this);
  };

  // The merge starts when the file input reports its files.
  addEventListener('change', (e) => {
    if (e.target && e.target.name === 'summary-files') B.changeAt = e.timeStamp;
  }, true);
})();
