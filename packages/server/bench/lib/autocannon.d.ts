declare module 'autocannon' {
  type Instance = Promise<any> & { stop?: () => void; on(event: 'response', fn: (client: object, statusCode: number, resBytes: number, responseTime: number) => void): void };
  const autocannon: (opts: Record<string, unknown>) => Instance;
  export default autocannon;
}
