import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi, peopleApi } from '../api/endpoints';
import type { Category, Team, TicketType, User } from '../api/types';

// Reference data the console shows by name: categories, teams, staff, ticket types. Loaded once
// per session (they are small and change rarely) so timelines and lists can show names, not ids.

interface Lookups {
  categories: Category[];
  categoryById: Map<string, Category>;
  teams: Team[];
  teamById: Map<string, Team>;
  users: User[];
  userById: Map<string, User>;
  ticketTypes: TicketType[];
  reload: () => void;
}

const empty: Lookups = {
  categories: [],
  categoryById: new Map(),
  teams: [],
  teamById: new Map(),
  users: [],
  userById: new Map(),
  ticketTypes: [],
  reload: () => undefined,
};
const LookupsContext = createContext<Lookups>(empty);

function flatten(nodes: Category[], into: Map<string, Category>) {
  for (const n of nodes) {
    into.set(n.id, n);
    if (n.children) flatten(n.children, into);
  }
  return into;
}

export function LookupsProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState({ categories: [] as Category[], teams: [] as Team[], users: [] as User[], ticketTypes: [] as TicketType[] });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    const settle = <T,>(p: Promise<{ items: T[] }>) => p.then((r) => r.items).catch(() => [] as T[]);
    void Promise.all([settle(catalogApi.categories()), settle(peopleApi.teams()), settle(peopleApi.users(undefined, 500)), settle(catalogApi.ticketTypes())]).then(
      ([categories, teams, users, ticketTypes]) => live && setData({ categories, teams, users, ticketTypes }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo<Lookups>(
    () => ({
      ...data,
      categoryById: flatten(data.categories, new Map()),
      teamById: new Map(data.teams.map((t) => [t.id, t])),
      userById: new Map(data.users.map((u) => [u.id, u])),
      reload,
    }),
    [data, reload],
  );
  return <LookupsContext.Provider value={value}>{children}</LookupsContext.Provider>;
}

export const useLookups = () => useContext(LookupsContext);

/** Name of a category, ticket type or custom-field option in the interface language. */
export function useLocalName() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return useCallback((x: { nameZh?: string; nameEn?: string; labelZh?: string; labelEn?: string } | undefined | null) => {
    if (!x) return '';
    const zh = x.nameZh ?? x.labelZh ?? '';
    const eng = x.nameEn ?? x.labelEn ?? '';
    return en ? eng || zh : zh || eng;
  }, [en]);
}

export interface CategoryOption {
  value: string;
  title: string;
  children?: CategoryOption[];
}

/** The category tree as TreeSelect data. */
export function useCategoryTree() {
  const { categories } = useLookups();
  const name = useLocalName();
  return useMemo(() => {
    const walk = (nodes: Category[]): CategoryOption[] =>
      nodes.map((n) => ({ value: n.id, title: name(n), children: n.children?.length ? walk(n.children) : undefined }));
    return walk(categories);
  }, [categories, name]);
}
