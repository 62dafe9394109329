// Tooltip placement: beside the hovered item, flipped and clamped to stay inside the chart and
// the viewport; for a finger, above the touch point or as a strip away from it.

const TOOLTIP_GAP = 12;
const STRIP_WIDTH = 480;       // narrower charts show a tapped item in a strip, not a tooltip

/**
 * Puts the tooltip where it is read and hides nothing: beside the item, flipped to stay inside
 * both the chart and the viewport; for a finger, above the touch point, or on a narrow chart
 * (or when there is no room above) as a strip across the visible edge away from the finger.
 * `item.anchor` and `touchPoint` are in CSS px of the chart box; `width`/`height` its size.
 */
export function placeTooltip(tooltip, chartBox, item, { width, height, touchPoint = null } = {}) {
  const W = width ?? chartBox.clientWidth;
  const H = height ?? chartBox.clientHeight;
  // The part of the chart the reader sees, in chart coordinates: the visual viewport where
  // there is one (on a phone the layout viewport can run past the screen's bottom edge).
  const r = chartBox.getBoundingClientRect();
  const vv = window.visualViewport;
  const [ox, oy] = vv ? [vv.offsetLeft, vv.offsetTop] : [0, 0];
  const vw = vv?.width || document.documentElement.clientWidth || window.innerWidth;
  const vh = vv?.height || document.documentElement.clientHeight || window.innerHeight;
  let vx0 = Math.max(0, ox - r.left);
  let vy0 = Math.max(0, oy - r.top);
  let vx1 = Math.min(W, ox + vw - r.left);
  let vy1 = Math.min(H, oy + vh - r.top);
  if (vx1 - vx0 < 40 || vy1 - vy0 < 40) { vx0 = 0; vy0 = 0; vx1 = W; vy1 = H; } // mostly off screen
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(v, hi));
  const put = (left, top) => {
    tooltip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  };
  const G = TOOLTIP_GAP;

  tooltip.classList.toggle('strip', false);
  if (touchPoint) {
    const { x, y } = touchPoint;
    const FINGER = 28; // the fingertip around the touch point
    let tw = tooltip.offsetWidth;
    let th = tooltip.offsetHeight;
    const top = y - FINGER - th;
    if (W >= STRIP_WIDTH && top >= vy0) {
      put(clamp(x - tw / 2, vx0, vx1 - tw), top);
      return;
    }
    tooltip.classList.add('strip');
    tw = tooltip.offsetWidth;
    th = tooltip.offsetHeight;
    // At the visible bottom edge when the finger is in the upper half, else at the top edge;
    // whichever side leaves the fingertip uncovered.
    const atBottom = vy1 - th;
    const bottomFree = atBottom >= y + FINGER;
    const topFree = vy0 + th <= y - FINGER;
    const useBottom = bottomFree && (y < (vy0 + vy1) / 2 || !topFree);
    put(0, useBottom ? atBottom : vy0);
    return;
  }

  const tw = tooltip.offsetWidth;
  const th = tooltip.offsetHeight;
  const ax = Number(item.anchor?.x) || 0;
  const ay = Number(item.anchor?.y) || 0;
  const candidates = [
    [ax + G, ay + G], [ax - G - tw, ay + G], [ax + G, ay - G - th], [ax - G - tw, ay - G - th],
  ];
  const fits = ([l, t], x0, y0, x1, y1) => l >= x0 && t >= y0 && l + tw <= x1 && t + th <= y1;
  const pick = candidates.find((c) => fits(c, vx0, vy0, vx1, vy1))
    ?? candidates.find((c) => fits(c, 0, 0, W, H))
    ?? candidates[0];
  // Clamped into the visible part of the chart where it fits, else into the chart.
  const x0 = tw <= vx1 - vx0 ? vx0 : 0;
  const x1 = tw <= vx1 - vx0 ? vx1 : W;
  const y0 = th <= vy1 - vy0 ? vy0 : 0;
  const y1 = th <= vy1 - vy0 ? vy1 : H;
  put(clamp(pick[0], x0, Math.max(x0, x1 - tw)), clamp(pick[1], y0, Math.max(y0, y1 - th)));
}
