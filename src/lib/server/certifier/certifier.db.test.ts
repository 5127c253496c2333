import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { squarePng } from '../../../../tests/helpers/images';
import { pdfImages, pdfText } from '../../../../tests/helpers/read-documents';
import type { DatabaseHandle } from '../db';
import { createUsersWithPassword } from '../auth/account-service';
import { UserFacingError } from '../errors';
import { convocationPdf } from '../documents/convocation-pdf';
import { currentCertifier, updateCertifier } from './certifier-service';
import type { Convocation } from '$lib/domain/publication/convocation';

let handle: DatabaseHandle;
let coordinatorId: string;
beforeAll(async () => {
	handle = await freshDatabase();
	[coordinatorId] = await createUsersWithPassword(
		handle.db,
		null,
		[{ email: 'coordination@exemple.fr', displayName: 'Nadia Coordination', role: 'coordinator' }],
		'un mot de passe assez long'
	);
});
afterAll(async () => handle?.close());

const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });
const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error: unknown) => (error instanceof UserFacingError ? error.code : error)
	);

describe('the certifier setting', () => {
	it("defaults to the référentiel's certifier without a logo", async () => {
		expect(await currentCertifier(handle.db)).toEqual({ name: 'Jedha', logo: null });
	});

	it('refuses an empty name, an SVG named .png, a truncated PNG and an oversized file, writing nothing', async () => {
		const png = squarePng();
		expect(await refusal(updateCertifier(handle.db, coordinatorId, { name: '  ', logo: null, removeLogo: false }))).toBe(
			'certifier.name-required'
		);
		const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
		expect(
			await refusal(updateCertifier(handle.db, coordinatorId, { name: 'X', logo: file(svg, 'logo.png', 'image/png'), removeLogo: false }))
		).toBe('certifier.logo-type');
		const truncated = png.subarray(0, 40);
		expect(
			await refusal(
				updateCertifier(handle.db, coordinatorId, { name: 'X', logo: file(truncated, 'logo.png', 'image/png'), removeLogo: false })
			)
		).toBe('certifier.logo-unreadable');
		const huge = new Uint8Array(600 * 1024);
		huge.set(png);
		expect(
			await refusal(updateCertifier(handle.db, coordinatorId, { name: 'X', logo: file(huge, 'logo.png', 'image/png'), removeLogo: false }))
		).toBe('certifier.logo-too-large');
		expect(await currentCertifier(handle.db)).toEqual({ name: 'Jedha', logo: null });
	});

	it('keeps the name and logo, journals the change, and the documents carry them; the logo can be removed', async () => {
		await updateCertifier(handle.db, coordinatorId, {
			name: 'Jedha Certification',
			logo: file(squarePng(), 'logo.png', 'image/png'),
			removeLogo: false
		});
		const certifier = await currentCertifier(handle.db);
		expect(certifier.name).toBe('Jedha Certification');
		expect(certifier.logo?.type).toBe('image/png');
		const journal = await handle.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'after'])
			.where('action', '=', 'certifier.update')
			.execute();
		expect(journal).toHaveLength(1);
		expect(journal[0]).toMatchObject({ actor_id: coordinatorId });

		const pdf = await convocationPdf(convocation(), certifier);
		expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain('Jedha Certification Organisme certificateur');
		expect(pdfImages(pdf)).toBe(1);

		// A new name alone keeps the logo; « retirer » removes it.
		await updateCertifier(handle.db, coordinatorId, { name: 'Jedha', logo: null, removeLogo: false });
		expect((await currentCertifier(handle.db)).logo?.type).toBe('image/png');
		await updateCertifier(handle.db, coordinatorId, { name: 'Jedha', logo: null, removeLogo: true });
		expect((await currentCertifier(handle.db)).logo).toBeNull();
	});
});

function convocation(): Convocation {
	return {
		sessionId: '7f1c2d3e-0000-4000-8000-000000000001',
		sessionName: 'Session du 29/03/2027',
		blockCode: 'BC06',
		certification: 'RNCP 35288 — Concepteur Développeur en Science des Données',
		sessionTimezone: 'Europe/Paris',
		address: '4 rue de la Bourse, 75002 Paris',
		candidate: { id: 'a1b2c3d4-0000-4000-8000-000000000002', name: 'Amélie Lefèvre', timezone: 'Europe/Paris', extraTimePercent: 0 },
		teammates: [],
		projectTitle: 'Détection de fraude',
		start: new Date('2027-03-29T07:00:00Z'),
		end: new Date('2027-03-29T07:25:00Z'),
		room: { id: 'r1', name: 'Salle Turing', remote: false, videoUrl: null },
		durations: { presentation: 10, questions: 10, deliberation: 5 },
		version: 1,
		uid: 'defense-1@soutenance'
	};
}
