import type { RouteRule } from '../route-access';

// Routes of the planning area.
export const planningRoutes: Record<string, RouteRule> = {};
