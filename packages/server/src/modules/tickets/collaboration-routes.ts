import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';

// Routes of this module are being written; nothing is registered yet.
export function collaborationRoutes(_app: FastifyInstance, _deps: Deps) {}
