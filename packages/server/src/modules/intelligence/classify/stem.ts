// A light English suffix stripper (a small subset of Porter's step 1 plus a few common
// derivational endings). Tickets say "refunded", "refunds", "refunding" for one intent; the stem
// joins them as an extra word feature, next to the surface word, so nothing is lost when it errs.

const VOWEL = /[aeiouy]/;

/** True when the stem left after removing a suffix still holds a vowel and is at least 3 letters. */
const keeps = (stem: string) => stem.length >= 3 && VOWEL.test(stem);

export function stem(word: string): string {
  let w = word.replace(/'s$|'$/, '');
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    if (w.endsWith(suffix) && keeps(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      // "stopped" → "stopp" → "stop"; "charged" → "charg" → "charge" is not restored, both forms meet at "charg"
      if (/([^aeiousz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  for (const suffix of ['ation', 'ate', 'ment', 'ness', 'ful', 'ly', 'er', 'e']) {
    if (w.endsWith(suffix) && keeps(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}
