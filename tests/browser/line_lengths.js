// Loaded by tests/test_browser.py: the longest full line, in characters, of the
// running text of the page (paragraphs, post texts, list items of more than one
// line), measured on the DOM's line boxes; with the text of that line.
() => {
  const blocks = Array.from(document.querySelectorAll(
    "main p, main li, main dd")).filter(e => !e.closest("nav, svg, .visually-hidden, .chart, table"))
    .slice(0, 60);
  let best = {length: 0, text: ""};
  for (const block of blocks) {
    const lines = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(".visually-hidden")) continue;
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const key = Math.round(rect.bottom / 4);
        lines.set(key, (lines.get(key) || "") + node.data[i]);
      }
    }
    const ordered = Array.from(lines.keys()).sort((a, b) => a - b);
    for (const key of ordered.slice(0, -1)) {  // the last line of a block is short
      const text = lines.get(key).replace(/\s+/g, " ").trim();
      if (text.length > best.length) best = {length: text.length, text: text};
    }
  }
  return best;
}
