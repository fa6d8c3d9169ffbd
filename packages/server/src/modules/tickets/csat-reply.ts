// A customer's answer to the satisfaction request sent when a ticket is resolved (解决后请求评价): a
// message that is only a score of 1–5 ("5", "4分", "五星") rates the service instead of reopening it.

const NUMERALS: Record<string, number> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/** The score a message gives, or null when it says anything more than a score. */
export function csatScore(text: string): number | null {
  const m = /^\s*([1-5一二两三四五])\s*(分|星|颗星)?\s*[。.!！~～]*\s*$/u.exec(text.normalize('NFKC'));
  return m ? NUMERALS[m[1]] : null;
}
