import { defaultReferentiel } from '../../src/lib/domain/referentiel/referentiel';
import type { Executor } from '../../src/lib/server/db/transaction';

/**
 * A small session for the planning tests, written with plain inserts: one day in Paris
 * (09:00–12:00, break 10:30–10:45), two juries in two rooms, six candidates including a team of
 * two, a tiers-temps, a same-company conflict (Victor Caron and Thomas Girard at Ubisoft), a
 * declared conflict (Claire Martin tutored Zoé Dubois) and an unavailability.
 */
export async function insertPlanningFixture(db: Executor, suffix = '') {
	const user = async (name: string, role: 'coordinator' | 'juror' | 'candidate') => {
		const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${suffix}@planning.test`;
		return (await db.insertInto('users').values({ email, display_name: name, role }).returning('id').executeTakeFirstOrThrow()).id;
	};
	const coordinator = await user('Nadia Coordination', 'coordinator');
	const session = (
		await db
			.insertInto('exam_sessions')
			.values({ referentiel_id: defaultReferentiel.id, name: `Session test${suffix}`, timezone: 'Europe/Paris' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await db
		.insertInto('session_days')
		.values({
			session_id: session,
			day: '2026-12-07',
			opens_at: '09:00',
			closes_at: '12:00',
			breaks: JSON.stringify([{ start: '10:30', end: '10:45' }])
		})
		.execute();
	const room = async (name: string, remote = false) =>
		(
			await db
				.insertInto('rooms')
				.values({ session_id: session, name, remote, video_url: remote ? 'https://visio.test/hopper' : null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const turing = await room('Salle Turing');
	const visio = await room('Visio Hopper', true);

	const juror = async (name: string, company: string, external: boolean, presidentEligible: boolean, expertise: string[]) => {
		const id = await user(name, 'juror');
		await db
			.insertInto('juror_profiles')
			.values({ user_id: id, company, external, president_eligible: presidentEligible, expertise: JSON.stringify(expertise) })
			.execute();
		await db.insertInto('session_jurors').values({ session_id: session, juror_id: id }).execute();
		return id;
	};
	const claire = await juror('Claire Martin', 'Société Générale', true, true, ['finance']);
	const julien = await juror('Julien Bernard', 'Jedha', false, false, ['nlp']);
	const sophie = await juror('Sophie Laurent', 'Doctolib', true, true, ['sante']);
	const thomas = await juror('Thomas Girard', 'Ubisoft', true, false, ['vision']);

	const jury = async (label: string, roomId: string, president: string, members: string[]) => {
		const id = (
			await db
				.insertInto('juries')
				.values({ session_id: session, label, room_id: roomId, president_id: president })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await db
			.insertInto('jury_members')
			.values(members.map((juror_id) => ({ jury_id: id, juror_id })))
			.execute();
		return id;
	};
	const juryA = await jury('A', turing, claire, [claire, julien]);
	const juryB = await jury('B', visio, sophie, [sophie, thomas]);

	const candidate = async (
		name: string,
		options: { company?: string; team?: string; tags?: string[]; extra?: number; timezone?: string } = {}
	) => {
		const id = await user(name, 'candidate');
		await db
			.insertInto('candidate_profiles')
			.values({
				user_id: id,
				company: options.company ?? null,
				extra_time_percent: options.extra ?? 0,
				timezone: options.timezone ?? 'Europe/Paris'
			})
			.execute();
		await db
			.insertInto('registrations')
			.values({
				session_id: session,
				candidate_id: id,
				project_title: `Projet de ${name}`,
				tags: JSON.stringify(options.tags ?? []),
				team: options.team ?? null
			})
			.execute();
		return id;
	};
	const amelie = await candidate('Amélie Lefèvre', { company: 'Crédit Agricole', tags: ['finance'] });
	const victor = await candidate('Victor Caron', { company: ' ubisoft ', tags: ['vision'] });
	const moussa = await candidate('Moussa N’Diaye', { team: 'Énergie' });
	const chloe = await candidate('Chloé Rousseau', { team: 'Énergie', company: 'RTE' });
	const ines = await candidate('Inès Garcia', { extra: 33, tags: ['sante'] });
	const zoe = await candidate('Zoé Dubois', { tags: ['nlp'], timezone: 'America/Montreal' });
	await db.insertInto('conflicts').values({ juror_id: claire, candidate_id: zoe, reason: 'Tutrice du projet' }).execute();
	await db
		.insertInto('unavailability')
		.values({
			user_id: zoe,
			starts_at: new Date('2026-12-07T09:00:00+01:00'),
			ends_at: new Date('2026-12-07T10:00:00+01:00'),
			label: 'Examen'
		})
		.execute();

	return {
		coordinator,
		session,
		rooms: { turing, visio },
		jurors: { claire, julien, sophie, thomas },
		juries: { A: juryA, B: juryB },
		candidates: { amelie, victor, moussa, chloe, ines, zoe }
	};
}

export type PlanningFixture = Awaited<ReturnType<typeof insertPlanningFixture>>;
