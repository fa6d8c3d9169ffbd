import type { ChannelRow } from './channel-repository';

export interface ChannelView {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  address: string | null;
  settings: Record<string, unknown>;
  /** names of the secrets that are set; their values are never returned */
  secretsSet: string[];
  defaults: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export const toChannelView = (c: ChannelRow): ChannelView => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  enabled: c.enabled,
  address: c.address,
  settings: c.settings,
  secretsSet: Object.keys(c.secrets).filter((k) => c.secrets[k] !== null && c.secrets[k] !== ''),
  defaults: c.defaults as Record<string, unknown>,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});
