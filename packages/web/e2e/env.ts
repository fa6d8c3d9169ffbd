// What the global setup hands to the browser tests (vitest provide / inject).

export interface Account {
  email: string;
  password: string;
  name: string;
  id: string;
}

export interface E2eEnv {
  /** Why the suite cannot run (no Chromium, no console served); the tests fail with this message. */
  problem: string | null;
  chromium: string;
  /** Where the browser opens the console: the server itself, which serves it at /. */
  baseURL: string;
  /** The server, for the API. */
  serverURL: string;
  artifacts: string;
  admin: Account;
  /** Agents with scope "all", members of the seeded team. */
  agent: Account;
  agent2: Account;
  team: { id: string; name: string };
  /** The server's embedded MQTT broker (devices' alarms), on 127.0.0.1. */
  mqttPort: number;
  /** the server's SMTP listener for customer mail */
  smtpPort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eEnv;
  }
}
