import type { ChannelDefaults, ChannelInput, IntakeChannel, IntakeKind } from '../../api/intake-types';
import type { Priority } from '../../api/types';
import { cleanRules, trimmedTags as trimmed, type RuleValues } from '../routing/keyword-rules';
import { KIND_SPECS } from './channel-kinds';

// The channel dialog's values ↔ the API's body. Secrets are write-only: a field left empty keeps
// the stored value, a typed value replaces it, null (the "clear" action) removes it.

export interface ChannelValues {
  kind: IntakeKind;
  name: string;
  enabled: boolean;
  address?: string;
  /** nested as the settings are: { imap: { host } } for "imap.host" */
  settings: Record<string, unknown>;
  /** undefined or '': keep; a string: replace; null: remove */
  secrets: Record<string, string | null | undefined>;
  defaults: {
    categoryId?: string;
    teamId?: string;
    priority?: Priority;
    typeId?: string;
    tags?: string[];
    rules?: RuleValues[];
  };
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

export const getPath = (o: Record<string, unknown> | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);

/** Sets (or with undefined removes) a value at a dotted path, copying the objects on the way; empty objects are dropped. */
export function setPath(o: Record<string, unknown>, path: string, v: unknown): Record<string, unknown> {
  const [k, ...rest] = path.split('.');
  const next = { ...o };
  if (rest.length) {
    const inner = setPath(next[k] && typeof next[k] === 'object' ? (next[k] as Record<string, unknown>) : {}, rest.join('.'), v);
    if (Object.keys(inner).length) next[k] = inner;
    else delete next[k];
  } else if (v === undefined) delete next[k];
  else next[k] = v;
  return next;
}

export function toFormValues(ch: IntakeChannel): ChannelValues {
  const spec = KIND_SPECS[ch.kind];
  let settings: ChannelValues['settings'] = {};
  for (const f of spec.settings) {
    const v = getPath(ch.settings, f.key);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') settings = setPath(settings, f.key, v);
  }
  const d = ch.defaults ?? {};
  return {
    kind: ch.kind,
    name: ch.name,
    enabled: ch.enabled,
    address: ch.address ?? undefined,
    settings,
    secrets: {},
    defaults: { categoryId: d.categoryId, teamId: d.teamId, priority: d.priority, typeId: d.typeId, tags: d.tags ?? [], rules: (d.rules ?? []).map((r) => ({ ...r })) },
  };
}

export function toDefaults(d: ChannelValues['defaults']): ChannelDefaults {
  const tags = trimmed(d.tags);
  return {
    ...(d.categoryId ? { categoryId: d.categoryId } : {}),
    ...(d.teamId ? { teamId: d.teamId } : {}),
    ...(d.priority ? { priority: d.priority } : {}),
    ...(d.typeId ? { typeId: d.typeId } : {}),
    ...(tags.length ? { tags } : {}),
    rules: cleanRules(d.rules),
  };
}

/**
 * The body of PATCH /channels/{id}, and of POST /channels with the kind added. Settings the dialog
 * does not know (set by a newer server) are kept; known ones left empty are removed.
 */
export function toChannelBody(v: ChannelValues, existing?: IntakeChannel): Omit<ChannelInput, 'kind'> {
  const spec = KIND_SPECS[v.kind];
  let settings: Record<string, unknown> = { ...(existing?.settings ?? {}) };
  for (const f of spec.settings) {
    const raw = getPath(v.settings, f.key);
    const value = f.type === 'boolean' ? (typeof raw === 'boolean' ? raw : undefined) : blank(raw) ? undefined : f.type === 'number' ? Number(raw) : String(raw).trim();
    settings = setPath(settings, f.key, value);
  }
  const secrets: Record<string, string | null> = {};
  for (const name of spec.secrets) {
    const s = v.secrets?.[name];
    if (s === null) {
      if (existing?.secretsSet.includes(name)) secrets[name] = null;
    } else if (typeof s === 'string' && s !== '') secrets[name] = s;
  }
  return {
    name: v.name.trim(),
    enabled: v.enabled,
    ...(spec.address ? { address: blank(v.address) ? null : String(v.address).trim() } : {}),
    settings,
    ...(Object.keys(secrets).length ? { secrets } : {}),
    defaults: toDefaults(v.defaults ?? {}),
  };
}
