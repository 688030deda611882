// Walks a Redoc 3 page in the browser and reports what each operation page renders.
//
// Evaluated by tests/sharing/test_sharing_docs.py through the DevTools protocol; the
// expression's value is a promise of a JSON-serialisable report. Redoc 3 renders one
// operation per hash route ("#/<tag>/<operationid>"), listed on each tag's page, and
// shows one response at a time behind the status tabs of its "Responses" heading, so the
// probe visits every tag, then each operation it links to, then clicks every response
// tab, recording element ids and visible text. It only navigates and clicks; every check
// lives in the Python test.
//
// No step sleeps or waits out a time window: each waits for a condition of the DOM,
// tested again whenever the DOM changes (MutationObserver) and on every frame (for what
// changes without a mutation, such as layout), so a loaded machine makes the walk slower,
// never different. The time limits only turn a hang into a report that fails the test:
// each wait gives up after WAIT ms, and once the walk has taken BUDGET ms every wait gives
// up at once (below the 300 s the Python side waits for the report).
(async () => {
  const WAIT = 30000;
  const BUDGET = 240000;
  const deadline = Date.now() + BUDGET;
  // Resolves with test()'s first truthy value, or null at the time limit; rejects if test throws.
  const waitFor = (test) =>
    new Promise((resolve, reject) => {
      let done = false;
      let frame = 0;
      const observer = new MutationObserver(() => check());
      const finish = (settle, value) => {
        done = true;
        observer.disconnect();
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        settle(value);
      };
      const check = (last = false) => {
        if (done) return;
        try {
          const value = test();
          if (value || last) finish(resolve, value || null);
        } catch (error) {
          finish(reject, error);
        }
      };
      const onFrame = () => {
        check();
        if (!done) frame = requestAnimationFrame(onFrame);
      };
      const timer = setTimeout(() => check(true), Math.max(0, Math.min(WAIT, deadline - Date.now())));
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      frame = requestAnimationFrame(onFrame);
      check();
    });
  // Links are "/customers" (sidebar) or "#/customers/listcustomers", optionally followed
  // by an in-page anchor ("#customers/listcustomers/request"): keep the route part.
  const routes = (segments, root = document) =>
    [...root.querySelectorAll("a[href]")]
      .map((a) => a.getAttribute("href"))
      .filter((href) => href.startsWith("/") || href.startsWith("#/"))
      .map((href) => href.replace(/^#/, "").split("#")[0].replace(/^\//, ""))
      .filter((route, i, all) => route && route.split("/").length === segments && all.indexOf(route) === i);
  // Elements are looked up again at every step, never kept: React may replace them.
  const byId = (id) => document.getElementById(id);

  // One operation's page: its text and ids, then each response tab's.
  const walk = async (route) => {
    const ownIds = () =>
      [...document.querySelectorAll("[id]")].map((el) => el.id).filter((id) => id.startsWith(route + "/"));
    // What the page shows: taken in the same step as the test that it is ready, so that
    // nothing can change in between.
    const snapshot = () => ({ ids: ownIds(), text: byId(route)?.innerText ?? "" });
    location.hash = "#/" + route;
    // A section can exist before it is shown (Redoc keeps the neighbours of the current
    // page, rendered or as placeholders); its text is complete once the responses panel
    // is visible.
    const shown = await waitFor(() => {
      const now = byId(route + "/responses") && snapshot();
      return now && now.text.includes("Responses") && now;
    });
    const page = { route, found: Boolean(byId(route)), text: "", ids: [], responses: {} };
    if (!page.found) return page;
    ({ text: page.text, ids: page.ids } = shown ?? snapshot());
    // The status tabs (role=tab) of the Responses heading: the middle panel shows the
    // selected response's headers and body, the right panel (buttons with the same
    // labels, no role) its example. Both panels follow one state in Redoc 3, so the tab
    // is enough, but the right panel's twin is clicked too.
    const tabs = () => [...(byId(route)?.querySelectorAll('[data-response-codes-tablist] [role="tab"]') ?? [])];
    // The response parts on the page, by status: Redoc's ids ".../response&c=<code>/body",
    // ".../t=response&c=<code>&path=<field>" and so on.
    const shownCodes = () =>
      ownIds()
        .map((id) => /^(?:t=)?response&c=([^&/]+)/.exec(id.slice(route.length + 1)))
        .filter(Boolean)
        .map((match) => match[1]);
    for (const code of tabs().map((tab) => tab.textContent.trim())) {
      const tab = () => tabs().find((candidate) => candidate.textContent.trim() === code);
      tab()?.click();
      for (const twin of byId(route)?.querySelectorAll("button:not([role])") ?? []) {
        if (twin.textContent.trim() === code) twin.click();
      }
      // Shown once its tab is the selected one and every response part on the page is
      // its own: Redoc renders the selection and the panel together, so this also holds
      // for a response with neither headers nor body, without waiting for parts that
      // never come.
      const response = await waitFor(
        () =>
          tab()?.getAttribute("aria-selected") === "true" &&
          shownCodes().every((shownCode) => shownCode === code) &&
          snapshot(),
      );
      page.responses[code] = response ?? snapshot();
    }
    return page;
  };

  const hydrated = await waitFor(() => routes(1).length > 0);
  const report = { hydrated: Boolean(hydrated), tags: routes(1), pages: [] };
  // A tag's page links to its operations; the links come with the page. Its operations
  // are walked right after it: Redoc renders the first one along with the tag's page,
  // which makes the walk some 15 % cheaper than visiting all tags first.
  const walked = [];
  for (const tag of report.tags) {
    location.hash = "#/" + tag;
    const linked = await waitFor(() => byId(tag) && routes(2, byId(tag)).length > 0 && routes(2));
    for (const route of linked ?? routes(2)) {
      if (walked.includes(route)) continue;
      walked.push(route);
      report.pages.push(await walk(route));
    }
  }
  return report;
})()
