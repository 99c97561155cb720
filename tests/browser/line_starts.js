// Loaded by tests/test_browser.py (and tools/screenshots.py): the lines of the page's
// rendered text that start with : ; ! ? » or end with «, as a list of messages.
() => {
  // Every line box that starts with one of : ; ! ? », or ends with «, in the page's
  // rendered text (main and footer), measured with the DOM's Range client rects.
  const marks = ":;!?»";
  const found = [];
  const roots = [document.querySelector("main"), document.querySelector("footer")].filter(Boolean);
  const rectOf = (node, i) => {
    const r = document.createRange();
    r.setStart(node, i); r.setEnd(node, i + 1);
    const rects = r.getClientRects();
    return rects.length ? rects[0] : null;
  };
  const newLine = (before, after) => after.top > before.top + before.height / 2
    && after.left < before.left;
  const context = (node, i) => (node.data.slice(Math.max(0, i - 25), i + 25)).replace(/\s+/g, " ");
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => {
        const p = n.parentElement;
        if (!p || p.closest("svg, script, style, .visually-hidden, [hidden]")) return NodeFilter.FILTER_REJECT;
        return p.getClientRects().length ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }});
    let last = null;      // the last visible character: [node, index, char]
    let open = null;      // a « waiting for the next character
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i];
        if (/\s/.test(ch)) continue;
        if (open) {
          const a = rectOf(open[0], open[1]), b = rectOf(node, i);
          if (a && b && newLine(a, b)) found.push("« ends a line: " + context(open[0], open[1]));
          open = null;
        }
        if (marks.includes(ch) && last) {
          const a = rectOf(last[0], last[1]), b = rectOf(node, i);
          if (a && b && newLine(a, b)) found.push(ch + " starts a line: " + context(node, i));
        }
        if (ch === "«") open = [node, i];
        last = [node, i];
      }
    }
  }
  return found;
}
