import type { RouteRule } from '../route-access';

// Routes of the publication area.
export const publicationRoutes: Record<string, RouteRule> = {};
