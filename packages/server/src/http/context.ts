import type { Permission, RoleGrant } from '@fangkong/core';

export interface Actor {
  userId: string | null;
  username: string;
  displayName: string;
  grants: RoleGrant[];
}

/** Who is acting and from where: passed to every service call, written into every audit event. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  clientIp: string | null;
}

export type RoutePermission = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares what it needs; the app refuses to start otherwise. */
    permission?: RoutePermission;
    /** Open to a session whose password must be changed first (reading the session, signing out, changing the password). */
    beforePasswordChange?: true;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

export function systemContext(username = 'system', requestId = 'cli'): RequestContext {
  return { actor: { userId: null, username, displayName: username, grants: [] }, requestId, clientIp: null };
}
