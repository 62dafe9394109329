// What an update changed, in words for the live region: after new data the reader hears the
// new totals and how each moved ("Updated: 17 raids, 35 arrests (2 more), 22 charged (1 more)."),
// and a decrease is said as one ("revised down by 1"), never hidden.

const NOUNS = [['raid', 'raids'], ['arrest', 'arrests'], ['charged', 'charged']];
const number = new Intl.NumberFormat('en');

/** The sentence for totals `[raids, arrests, charged]` going from `before` to `now`. */
export function changeText(before, now) {
  const parts = NOUNS.map(([one, many], i) => {
    const n = Number(now[i]) || 0;
    const d = n - (Number(before[i]) || 0);
    const moved = d > 0 ? ` (${number.format(d)} more)` : d < 0 ? ` (revised down by ${number.format(-d)})` : '';
    return `${number.format(n)} ${n === 1 ? one : many}${moved}`;
  });
  return `Updated: ${parts.join(', ')}.`;
}
