/**
 * Access: the one place that answers "may this user do this to this object", and the one path
 * from a refusal to an HTTP answer.
 *
 * Every exported `load`, every action and every endpoint method is made by one of:
 *   export const load: PageServerLoad = guard({ roles: ['coordinator'], permission: 'session.manage', param: 'sessionId' },
 *     async (event, { user, db, checked }) => …);
 *   export const actions = guardActions({ …same shape… }, { save: async (event, ctx) => …, … });
 *   export const GET: RequestHandler = guardEndpoint({ … }, async (event, ctx) => new Response(…), 'file' | 'json');
 * and carries its declaration as `fn[ROUTE_ACCESS]: RouteAccess` (public routes too: `roles: 'public'`).
 *
 * The policy, checked before the body is read or any work is done:
 * - anonymous visitor: 303 to /connexion?redirectTo=<path+search> (API routes too), except a
 *   route declaring `anonymous: 'unauthorized'` (the tablet's grid), which answers a JSON 401;
 * - a role not in `roles`: error(403);
 * - `permission` on the object named by `params[param]`: an object the user may not see (it does
 *   not exist, or it is not theirs) is error(404), its existence not revealed; a visible object the
 *   user's role or place forbids is error(403) for loads and endpoints, and fail(403, { code, message })
 *   for actions (the form shows it). Scoring and deliberation (`defense.score`, `defense.deliberate`,
 *   `jury.deliberate`) treat another jury's object as visible (403 "not your jury"), as they always have.
 * - `session: 'in-write'` (the autosave POST): the handler authenticates inside its own write and
 *   calls `ctx.admit(user)` on its slow path, which runs the same checks.
 *
 * Then a `UserFacingError(code, status, message, field?)` thrown by the work becomes: error(status,
 * message) in a load or a download; in an action fail(status, { code, message, field, …error.data,
 * …ctx.keep(…) }) except 404, which is error(404); in a 'json' endpoint json({ code, message }, { status }).
 *
 * `checkAccess(db, user, permission, ids)` answers for a whole set of ids at once (set-based queries
 * in access-repository.ts); services that list objects may use it.
 */
export { ROUTE_ACCESS, SESSION_MANAGER, guard, guardActions, guardActionsKeeping, guardEndpoint, readForm } from './guard';
export type { AccessHolder, GuardContext, Guarded, PostedForm, Refusal, RouteAccess } from './guard';
export { PERMISSIONS, checkAccess, requireAccess } from './policy';
export type { Checked, DefenseAccess, JuryAccess, JuryPlace, Permission } from './policy';
