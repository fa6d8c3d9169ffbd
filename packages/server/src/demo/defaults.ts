/** Defaults of `gongdan demo load` (kept apart from the loader so the CLI help loads nothing heavy). */
export const DEMO_DEFAULTS = { slug: 'demo', tickets: 300, adminEmail: 'demo-admin@example.com', password: 'DemoPass123', seed: 20260301 };
