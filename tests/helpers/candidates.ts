import type { Executor } from '../../src/lib/server/db/transaction';

/**
 * `count` candidates registered in the session, named « Candidat 000 », « Candidat 001 »… (so their
 * order by name is their index), with what `registration` adds to each one's registration.
 */
export async function registerCandidates(
	db: Executor,
	sessionId: string,
	count: number,
	registration: (index: number) => { project_title?: string; team?: string | null } = () => ({})
): Promise<string[]> {
	const users = await db
		.insertInto('users')
		.values(
			Array.from({ length: count }, (_, index) => ({
				email: `c${index}@test.fr`,
				display_name: `Candidat ${String(index).padStart(3, '0')}`,
				role: 'candidate'
			}))
		)
		.returning('id')
		.execute();
	await db
		.insertInto('registrations')
		.values(users.map(({ id }, index) => ({ session_id: sessionId, candidate_id: id, project_title: 'Projet', ...registration(index) })))
		.execute();
	return users.map((user) => user.id);
}
