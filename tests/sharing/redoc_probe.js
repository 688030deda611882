// Walks a Redoc 3 page in the browser and reports what each operation page renders.
//
// Evaluated by tests/sharing/test_sharing_docs.py through the DevTools protocol; the
// expression's value is a promise of a JSON-serialisable report. Redoc 3 renders one
// operation per hash route ("#/<tag>/<operationid>"), listed on each tag's page, and
// shows one response at a time behind tabs, so the probe visits every tag, then every
// operation, then clicks every response tab, recording element ids and visible text.
// It only navigates and clicks; every check lives in the Python test.
(async () => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const waitFor = async (test, ms) => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(15)) {
      const value = test();
      if (value) return value;
    }
    return null;
  };
  // Links are "/customers" (sidebar) or "#/customers/listcustomers", optionally followed
  // by an in-page anchor ("#customers/listcustomers/request"): keep the route part.
  const routes = (segments) =>
    [...document.querySelectorAll("a[href]")]
      .map((a) => a.getAttribute("href"))
      .filter((href) => href.startsWith("/") || href.startsWith("#/"))
      .map((href) => href.replace(/^#/, "").split("#")[0].replace(/^\//, ""))
      .filter((route, i, all) => route && route.split("/").length === segments && all.indexOf(route) === i);
  const visit = async (route) => {
    location.hash = "#/" + route;
    return waitFor(() => document.getElementById(route), 10000);
  };

  const hydrated = await waitFor(() => routes(1).length > 0, 20000);
  const report = { hydrated: Boolean(hydrated), tags: routes(1), pages: [] };
  const operations = [];
  for (const tag of report.tags) {
    await visit(tag);
    await sleep(100);
    for (const route of routes(2)) if (!operations.includes(route)) operations.push(route);
  }

  for (const route of operations) {
    const section = await visit(route);
    const page = { route, found: Boolean(section), text: "", ids: [], responses: {} };
    report.pages.push(page);
    if (!section) continue;
    // A section can exist before it is laid out (Redoc pre-renders the neighbours of the
    // current page); its text is complete once the responses panel is visible.
    await waitFor(() => document.getElementById(route + "/responses") && section.innerText.includes("Responses"), 5000);
    const ownIds = () =>
      [...document.querySelectorAll("[id]")].map((el) => el.id).filter((id) => id.startsWith(route + "/"));
    page.text = section.innerText;
    page.ids = ownIds();
    // One tab per documented status: the middle panel (role=tab) shows its headers and
    // body, the right panel (same label, no role) shows its example.
    const tabs = [...section.querySelectorAll('button[role="tab"]')];
    for (const tab of tabs) {
      const code = tab.textContent.trim();
      tab.click();
      for (const twin of section.querySelectorAll("button:not([role])")) {
        if (twin.textContent.trim() === code) twin.click();
      }
      // Rendered when the tab's headers or body section appears (none: an empty response).
      await waitFor(() => ownIds().some((id) => id.includes("response&c=" + code + "/")), 1000);
      page.responses[code] = { ids: ownIds(), text: section.innerText };
    }
  }
  return report;
})()
