/**
 * Defaults of `gongdan demo load` (kept apart from the loader so the CLI help loads nothing heavy).
 * The demo fills the `default` tenant `npm start` signs its administrator into, with the README's
 * administrator and password, so the README's examples work on it as printed. ADMIN_EMAIL and
 * ADMIN_PASSWORD, when set, take their place as they do for `npm start`.
 */
export const DEMO_DEFAULTS = { slug: 'default', tickets: 300, adminEmail: 'admin@example.com', password: 'Lantern-river-58', seed: 20260301 };
