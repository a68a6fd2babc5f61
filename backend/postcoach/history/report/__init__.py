"""The history report: measures.py computes it (numbers only, no words), page.py makes the
self-contained HTML file, and the extension's report page draws the same numbers with the same
script (extension/report/render.js)."""
