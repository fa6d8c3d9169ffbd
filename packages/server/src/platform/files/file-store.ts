import type { Readable } from 'node:stream';

// The files port: local disk by default; an S3-compatible store can implement the same surface.
export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

export interface FileStore {
  /** Streams the body to storage; rejects with FileTooLargeError past maxBytes and leaves nothing behind. */
  put(key: string, body: Readable, maxBytes: number): Promise<StoredFile>;
  get(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}
