import { useCallback, useEffect, useState } from 'react';

// One record loaded by id, with a setter for the server's answers to changes.
export function useRecord<T>(load: (id: string) => Promise<T>, id: string | undefined) {
  const [record, setRecord] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!id) return;
    let live = true;
    setLoading(true);
    setError(null);
    load(id)
      .then((r) => live && setRecord(r))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [id, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { record, setRecord, error, loading: loading && !record, reload };
}
