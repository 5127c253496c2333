import type { RouteRule } from '../route-access';

// Routes of the sessions area.
export const sessionsRoutes: Record<string, RouteRule> = {};
