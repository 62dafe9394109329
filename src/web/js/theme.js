// The page around the element: the theme its ancestors set (crossing out of shadow roots), the
// reader's media preferences, and CSS colours in the form the core reads.

/** The element ancestors of `el`, nearest first, up to the document element, crossing out of shadow roots. */
export function* ancestorsOf(el) {
  let node = el.parentNode;
  while (node) {
    if (node.nodeType === 1) {
      yield node;
      node = node.parentNode;
    } else if (node.nodeType === 11 && node.host) {
      node = node.host; // cross out of a shadow root into its host
    } else {
      node = node.parentNode;
    }
  }
}

/** Nearest theme set by the page: a `dark`/`light` class or `data-theme` on an ancestor. */
export function ancestorTheme(el) {
  for (const node of ancestorsOf(el)) {
    const dt = node.getAttribute('data-theme');
    if (dt === 'dark' || dt === 'light') return dt;
    const cl = node.classList;
    if (cl.contains('dark')) return 'dark';
    if (cl.contains('light')) return 'light';
  }
  return null;
}

let colourCtx = null;
/**
 * A CSS colour as a canvas context normalises it ("#rrggbb" or "rgba(...)"), which is what the
 * core reads; an unreadable value comes back unchanged, so the core names it in its warning.
 */
export function normaliseColour(value) {
  const v = String(value ?? '').trim();
  if (!v) return '';
  colourCtx ??= document.createElement('canvas').getContext('2d');
  if (!colourCtx) return v;
  colourCtx.fillStyle = '#010203';
  colourCtx.fillStyle = v;
  const a = colourCtx.fillStyle;
  colourCtx.fillStyle = '#040506';
  colourCtx.fillStyle = v;
  return a === colourCtx.fillStyle ? a : v;
}

export const MEDIA = {
  dark: () => matchMedia('(prefers-color-scheme: dark)'),
  forced: () => matchMedia('(forced-colors: active)'),
  reducedMotion: () => matchMedia('(prefers-reduced-motion: reduce)'),
};
