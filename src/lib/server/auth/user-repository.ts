import type { Executor } from '../db/transaction';
import type { Role } from './auth-repository';

export async function findUserByEmail(db: Executor, email: string) {
	return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string) {
	return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Executor, user: { email: string; displayName: string; role: Role; passwordHash?: string | null }) {
	return db
		.insertInto('users')
		.values({ email: user.email, display_name: user.displayName, role: user.role, password_hash: user.passwordHash ?? null })
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** `resetAt` when the password comes from a reset link: signing then asks more for a while. */
export async function setPasswordHash(db: Executor, userId: string, passwordHash: string, resetAt: Date | null = null) {
	await db.updateTable('users').set({ password_hash: passwordHash, password_reset_at: resetAt }).where('id', '=', userId).execute();
}

export async function setUserActive(db: Executor, userId: string, active: boolean) {
	await db.updateTable('users').set({ active }).where('id', '=', userId).execute();
}

export async function searchUsers(db: Executor, filter: { search?: string; role?: Role; limit: number; offset: number }) {
	let query = db.selectFrom('users');
	if (filter.role) query = query.where('role', '=', filter.role);
	if (filter.search) {
		const pattern = `%${filter.search}%`;
		query = query.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('display_name', 'ilike', pattern)]));
	}
	const [rows, total] = await Promise.all([
		query
			.select([
				'id',
				'email',
				'display_name as displayName',
				'role',
				'active',
				'created_at as createdAt',
				(eb) => eb('password_hash', 'is not', null).as('hasPassword')
			])
			.orderBy('display_name')
			.limit(filter.limit)
			.offset(filter.offset)
			.execute(),
		query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.count) };
}
