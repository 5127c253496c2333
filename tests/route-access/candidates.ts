import type { RouteRule } from '../route-access';

// Routes of the candidates area.
export const candidatesRoutes: Record<string, RouteRule> = {};
