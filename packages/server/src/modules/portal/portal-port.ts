declare module '../../platform/deps' {
  interface Deps {
    /** The address customers reach the server at (links in sign-in mails); from PUBLIC_URL */
    publicUrl?: string;
  }
}
export {};
