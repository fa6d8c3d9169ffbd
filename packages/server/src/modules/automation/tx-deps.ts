// The automation's actions run other modules' use cases in the run's transaction (platform/db/deps-in-transaction.ts).
export { depsInTransaction } from '../../platform/db/deps-in-transaction';
