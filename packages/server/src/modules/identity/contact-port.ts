import type { Queryable } from '../../platform/db/database';

// Creating a customer's sign-in checks its contact exists. Contacts are the customers module's, which
// imports identity: app.ts wires customers' contactExists in here instead of identity importing it.
declare module '../../platform/deps' {
  interface Deps {
    /** customers: whether the contact exists in the tenant */
    contactExists: (q: Queryable, contactId: string) => Promise<boolean>;
  }
}
