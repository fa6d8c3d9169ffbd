import { useState } from 'react';
import type { TestResult } from './delivery-api';
import type { TestState } from './test-result';

/**
 * 测试 of a webhook or a channel: shows the target's name at once (with a spinner), then what the
 * platform answered or why the send failed. `state` and `close` drive TestResultModal.
 */
export function useTestSend() {
  const [state, setState] = useState<TestState>(null);
  const run = (name: string, send: () => Promise<TestResult>) => {
    setState({ name });
    send().then(
      (result) => setState({ name, result }),
      (error) => setState({ name, error }),
    );
  };
  return { state, run, close: () => setState(null) };
}
