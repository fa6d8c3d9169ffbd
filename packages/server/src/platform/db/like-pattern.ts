/** A search text for ILIKE '%…%' that matches itself literally (%, _ and \ escaped). */
export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
