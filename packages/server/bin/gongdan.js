#!/usr/bin/env node
// `npx gongdan …`: the command line, run from its TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
