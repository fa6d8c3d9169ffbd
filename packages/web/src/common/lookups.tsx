import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi, peopleApi, USERS_BY_IDS } from '../api/endpoints';
import type { Category, Team, TicketType, User } from '../api/types';

// Reference data the console shows by name: categories, teams, ticket types — loaded once per
// session (they are small and change rarely) — and users, fetched by id as pages need their names
// (useUserNames), so timelines and lists can show names, not ids.

interface Lookups {
  categories: Category[];
  categoryById: Map<string, Category>;
  teams: Team[];
  teamById: Map<string, Team>;
  /** The users fetched so far (see useUserNames). */
  userById: Map<string, User>;
  /** Fetches the users with these ids not fetched (or asked for) yet. */
  requestUsers: (ids: string[]) => void;
  ticketTypes: TicketType[];
  reload: () => void;
}

const empty: Lookups = {
  categories: [],
  categoryById: new Map(),
  teams: [],
  teamById: new Map(),
  userById: new Map(),
  requestUsers: () => undefined,
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
  const [data, setData] = useState({ categories: [] as Category[], teams: [] as Team[], ticketTypes: [] as TicketType[] });
  const [userById, setUserById] = useState<Map<string, User>>(new Map());
  // ids asked for (answered or not: an id the server does not know is not asked again until reload)
  const asked = useRef(new Set<string>());
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    const settle = <T,>(p: Promise<{ items: T[] }>) => p.then((r) => r.items).catch(() => [] as T[]);
    void Promise.all([settle(catalogApi.categories()), settle(peopleApi.teams()), settle(catalogApi.ticketTypes())]).then(
      ([categories, teams, ticketTypes]) => live && setData({ categories, teams, ticketTypes }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  const requestUsers = useCallback((ids: string[]) => {
    const missing = [...new Set(ids)].filter((id) => id && !asked.current.has(id));
    if (!missing.length) return;
    const round = asked.current;
    for (const id of missing) round.add(id);
    for (let i = 0; i < missing.length; i += USERS_BY_IDS) {
      const chunk = missing.slice(i, i + USERS_BY_IDS);
      peopleApi
        .usersByIds(chunk)
        .then((r) => {
          if (asked.current !== round) return; // reloaded meanwhile
          setUserById((prev) => {
            const next = new Map(prev);
            for (const u of r.items) next.set(u.id, u);
            return next;
          });
        })
        // failed: ask again next time
        .catch(() => chunk.forEach((id) => round.delete(id)));
    }
  }, []);
  const reload = useCallback(() => {
    const again = [...asked.current];
    asked.current = new Set();
    setVersion((v) => v + 1);
    requestUsers(again);
  }, [requestUsers]);
  const value = useMemo<Lookups>(
    () => ({
      ...data,
      categoryById: flatten(data.categories, new Map()),
      teamById: new Map(data.teams.map((t) => [t.id, t])),
      userById,
      requestUsers,
      reload,
    }),
    [data, userById, requestUsers, reload],
  );
  return <LookupsContext.Provider value={value}>{children}</LookupsContext.Provider>;
}

export const useLookups = () => useContext(LookupsContext);

/** Users by id, fetching the ones among `ids` not known yet (GET /users?ids=…); names appear once loaded. */
export function useUserNames(ids: string[]): Map<string, User> {
  const { userById, requestUsers } = useLookups();
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    if (key) requestUsers(key.split(','));
  }, [key, requestUsers]);
  return userById;
}

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
