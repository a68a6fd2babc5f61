// Facebook and LinkedIn switch dark mode with their own classes, not prefers-color-scheme, so
// the theme is read from the colour actually painted behind the composer.

const RGB = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i;

export function parseCssColor(value) {
  const match = RGB.exec(String(value ?? '').trim());
  if (!match) return null;
  const [, r, g, b, a] = match;
  let alpha = 1;
  if (a !== undefined) alpha = a.endsWith('%') ? Number.parseFloat(a) / 100 : Number(a);
  return { r: Number(r), g: Number(g), b: Number(b), alpha };
}

function channel(value) {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance({ r, g, b }) {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** First opaque background among the given colours, innermost first; null when all are see-through. */
export function themeForBackgrounds(colours) {
  for (const value of colours) {
    const colour = parseCssColor(value);
    if (colour && colour.alpha >= 0.5) return relativeLuminance(colour) < 0.2 ? 'dark' : 'light';
  }
  return null;
}
