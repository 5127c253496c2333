import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeWaitingForClients } from '../../../../tests/helpers/pool';
import { stageScoreSave, verifyAuditChain } from '../audit/audit-repository';
import { chainScoreSaves } from '../audit/journal-service';
import { createUsersWithPassword, setUserActivation } from '../auth/account-service';
import { prepareDatabase, type DatabaseHandle } from './index';

const PASSWORD = 'mot de passe de test assez long';

// Roles are global to the server: names of this process's own, dropped after.
describe.skipIf(process.env.TEST_DRIVER !== 'postgres')('two PostgreSQL roles: the tables’ owner and the application', () => {
	const owner = `soutenance_owner_${process.pid}`;
	const application = `soutenance_app_${process.pid}`;
	const database = `soutenance_roles_${process.pid}`;
	const urlAs = (role: string) => {
		const url = new URL(process.env.TEST_DATABASE_URL!);
		url.username = role;
		url.pathname = `/${database}`;
		return url.toString();
	};
	const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	let handle: DatabaseHandle;
	let close: () => Promise<void>;
	let warnings: string[];

	async function opened(env: NodeJS.ProcessEnv) {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			const opening = await prepareDatabase(env);
			return { handle: opening, warnings: warn.mock.calls.map((call) => String(call[0])) };
		} finally {
			warn.mockRestore();
		}
	}

	beforeAll(async () => {
		await admin.connect();
		await admin.query(`create role ${owner} login`);
		await admin.query(`create role ${application} login`);
		await admin.query(`create database ${database} owner ${owner}`);
		({ handle, warnings } = await opened({ DATABASE_URL: urlAs(application), MIGRATION_DATABASE_URL: urlAs(owner) }));
		close = closeWaitingForClients(handle.pool!, handle.close);
	});

	afterAll(async () => {
		await close?.();
		await admin.query(`drop database if exists ${database} with (force)`);
		await admin.query(`drop role if exists ${application}`);
		await admin.query(`drop role if exists ${owner}`);
		await admin.end();
	});

	it('migrates as the owner: the application’s role owns no table and gets no warning', async () => {
		const { rows } = await sql<{ owner: string }>`select distinct tableowner as owner from pg_tables where schemaname = 'public'`.execute(
			handle.db
		);
		expect(rows).toEqual([{ owner }]);
		expect(warnings).toEqual([]);
	});

	it('runs an ordinary audited use case as the application’s role', async () => {
		const [coordinator, juror] = await createUsersWithPassword(
			handle.db,
			null,
			[
				{ email: 'coordination@roles.test', displayName: 'Coordination', role: 'coordinator' },
				{ email: 'jure@roles.test', displayName: 'Juré', role: 'juror' }
			],
			PASSWORD
		);
		await setUserActivation(handle.db, coordinator, juror, false);
		const actions = await handle.db.selectFrom('audit_log').select('action').orderBy('id').execute();
		expect(actions.map((row) => row.action)).toEqual(['user.create', 'user.create', 'user.deactivate']);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: 3 });
	});

	it('refuses the application’s role UPDATE, DELETE, TRUNCATE and disabling the triggers of the journal', async () => {
		for (const statement of [
			sql`update audit_log set action = 'forged'`,
			sql`delete from audit_log`,
			sql`truncate audit_log`,
			sql`alter table audit_log disable trigger user`,
			sql`alter table audit_log disable trigger audit_log_no_update`,
			sql`drop table audit_log cascade`,
			sql`select setval(pg_get_serial_sequence('audit_log', 'id'), 1)`
		]) {
			await expect(statement.execute(handle.db), statement.compile(handle.db).sql).rejects.toMatchObject({ code: '42501' });
		}
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: 3 });
	});

	it('lets the application’s role read the published plan’s views, stage score saves and chain them, never rewrite one', async () => {
		await expect(sql`select count(*) from live_defenses`.execute(handle.db)).resolves.toBeTruthy();
		await expect(sql`select count(*) from live_jury_members`.execute(handle.db)).resolves.toBeTruthy();
		const juror = (await handle.db.selectFrom('users').select('id').where('email', '=', 'jure@roles.test').executeTakeFirstOrThrow()).id;
		await stageScoreSave(handle.db, { actorId: juror, defenseId: juror, changes: [{ field: 'level', value: 2 }] });
		expect(await chainScoreSaves(handle.db)).toBe(1);
		await expect(sql`update score_journal set changes = '[]'`.execute(handle.db)).rejects.toMatchObject({ code: '42501' });
		await expect(sql`truncate score_journal`.execute(handle.db)).rejects.toMatchObject({ code: '42501' });
	});

	it('warns in French at start-up when the application’s role owns the journal (DATABASE_URL alone)', async () => {
		const single = await opened({ DATABASE_URL: urlAs(owner) });
		await closeWaitingForClients(single.handle.pool!, single.handle.close)();
		expect(single.warnings).toHaveLength(1);
		expect(single.warnings[0]).toContain(`(« ${owner} »)`);
		expect(single.warnings[0]).toContain('n’est alors protégé que par ses déclencheurs');
		expect(single.warnings[0]).toContain('MIGRATION_DATABASE_URL');
	});
});
