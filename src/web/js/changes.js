// What an update changed, in words for the live region: after new data the reader hears the
// new totals and how each moved ("Updated: 17 raids, 35 arrests (2 more), 22 charged (1 more)."),
// and a decrease is said as one ("revised down by 1"), never hidden.

const NOUNS = [['raid', 'raids'], ['arrest', 'arrests'], ['charged', 'charged']];
const value = (s) => Number(String(s).replace(/,/g, '')) || 0;

/**
 * The sentence for totals `[raids, arrests, charged]` going from `before` to `now`, each as
 * the core writes it in the summary table ("1,234").
 */
export function changeText(before, now) {
  const parts = NOUNS.map(([one, many], i) => {
    const n = value(now[i]);
    const d = n - value(before[i]);
    const by = Math.abs(d).toLocaleString('en');
    return `${now[i]} ${n === 1 ? one : many}${d > 0 ? ` (${by} more)` : d ? ` (revised down by ${by})` : ''}`;
  });
  return `Updated: ${parts.join(', ')}.`;
}
