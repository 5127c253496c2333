import { describe, expect, it } from 'vitest';
import type { Convocation } from '$lib/domain/publication/convocation';
import { pdfImages, pdfText, readCalendar } from '../../../../tests/helpers/read-documents';
import { squarePng } from '../../../../tests/helpers/images';
import { attestationPdf } from './attestation-pdf';
import { convocationPdf } from './convocation-pdf';
import { convocationSections, sectionsAsText } from './convocation-text';
import { buildCalendar } from './ics';

const jedha = { name: 'Jedha', logo: null };

function convocation(overrides: Partial<Convocation> = {}): Convocation {
	return {
		sessionId: 'session-1',
		sessionName: 'Session de printemps',
		blockCode: 'BC06',
		certification: 'RNCP 35288 — Concepteur Développeur en Science des Données',
		sessionTimezone: 'Europe/Paris',
		address: '4 rue de la Bourse, 75002 Paris',
		candidate: { id: 'c1', name: 'Amélie Lefèvre', timezone: 'Europe/Paris', extraTimePercent: 0 },
		teammates: [],
		projectTitle: 'Détection de fraude sur virements SEPA',
		start: new Date('2027-03-29T07:00:00Z'),
		end: new Date('2027-03-29T07:25:00Z'),
		room: { id: 'r1', name: 'Salle Turing', remote: false, videoUrl: null },
		durations: { presentation: 10, questions: 10, deliberation: 5 },
		version: 1,
		uid: 'session-1.c1@soutenance',
		...overrides
	};
}

describe('buildCalendar', () => {
	const event = (start: string, minutes: number) => ({
		uid: `uid-${start}`,
		sequence: 2,
		start: new Date(start),
		end: new Date(new Date(start).getTime() + minutes * 60_000),
		title: 'Soutenance BC06 ; jury A, salle 1',
		description: 'Première ligne\nSeconde ligne, avec « guillemets » et des accents : é à ç'.repeat(3),
		location: 'Salle Turing, 4 rue de la Bourse'
	});

	it('is read back by ical.js with the same instants on both sides of the change to summer time', () => {
		const text = buildCalendar([event('2027-03-26T09:00:00+01:00', 25), event('2027-03-29T09:00:00+02:00', 25)]);
		const calendar = readCalendar(text);
		expect(calendar.method).toBe('PUBLISH');
		expect(calendar.events.map((read) => read.start.toISOString())).toEqual(['2027-03-26T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
		expect(calendar.events[1].end.toISOString()).toBe('2027-03-29T07:25:00.000Z');
		expect(calendar.events[0]).toMatchObject({
			uid: 'uid-2027-03-26T09:00:00+01:00',
			sequence: 2,
			status: 'CONFIRMED',
			summary: 'Soutenance BC06 ; jury A, salle 1'
		});
		expect(calendar.events[0].description).toBe(event('x', 0).description);
		expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
	});

	it('writes a bare carriage return of any text as a line break, never raw inside a content line', () => {
		const text = buildCalendar([
			{ ...event('2027-03-29T09:00:00+02:00', 25), location: 'Salle Turing\r4 rue de la Bourse', title: 'BC06\r\njury A' }
		]);
		expect(text.replace(/\r\n/g, '')).not.toContain('\r');
		const [read] = readCalendar(text).events;
		expect([read.location, read.summary]).toEqual(['Salle Turing\n4 rue de la Bourse', 'BC06\njury A']);
	});

	it('marks a cancelled defense so calendars remove it', () => {
		const [read] = readCalendar(buildCalendar([{ ...event('2027-03-29T09:00:00+02:00', 25), cancelled: true }])).events;
		expect(read.status).toBe('CANCELLED');
	});
});

describe('convocation text', () => {
	it('gives a candidate abroad the time in their zone and in the session’s, across the DST change', () => {
		const text = sectionsAsText(
			convocationSections(
				convocation({ candidate: { id: 'c2', name: 'Étienne Bouchard', timezone: 'America/Montreal', extraTimePercent: 0 } })
			)
		);
		expect(text).toContain('Date et heure : lundi 29 mars 2027 à 09:00 (heure de Paris, UTC+02:00)');
		expect(text).toContain('Dans votre fuseau horaire : lundi 29 mars 2027 à 03:00 (heure de Montreal, UTC-04:00)');
		const friday = sectionsAsText(
			convocationSections(convocation({ start: new Date('2027-03-26T08:00:00Z'), end: new Date('2027-03-26T08:25:00Z') }))
		);
		expect(friday).toContain('vendredi 26 mars 2027 à 09:00 (heure de Paris, UTC+01:00)');
	});

	it('states extra time, team and video link when they apply', () => {
		const text = sectionsAsText(
			convocationSections(
				convocation({
					candidate: { id: 'c3', name: 'Manon Chevalier', timezone: 'Europe/Paris', extraTimePercent: 33 },
					teammates: ['Nathan Robin'],
					room: { id: 'r2', name: 'Visio Hopper', remote: true, videoUrl: 'https://visio.test/hopper' },
					end: new Date('2027-03-29T07:42:00Z')
				})
			)
		);
		expect(text).toContain('Visioconférence : Visio Hopper : https://visio.test/hopper');
		expect(text).toContain('temps majoré de 33 % sur la présentation et les questions (27 minutes au lieu de 20)');
		expect(text).toContain('avec Nathan Robin');
		expect(text).toContain('durée totale de votre passage devant le jury : 37 minutes');
		expect(text).toContain('tester le lien');
	});
});

describe('convocationPdf', () => {
	it('holds the candidate, the date, the time with its zone, the place and the instructions', async () => {
		const pdf = await convocationPdf(convocation(), jedha);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const text = pdfText(pdf).replace(/\s+/g, ' ');
		expect(text).toContain('Convocation à la soutenance');
		expect(text).toContain('Amélie Lefèvre');
		expect(text).toContain('lundi 29 mars 2027 à 09:00 (heure de Paris, UTC+02:00)');
		expect(text).toContain('Salle Turing, 4 rue de la Bourse, 75002 Paris');
		expect(text).toContain("une pièce d'identité");
		expect(text).not.toContain('Aménagement');
		// On the certifier's letterhead, with its reference and page numbers.
		expect(text).toContain('Jedha Organisme certificateur');
		expect(text).toMatch(/Réf\. CONV-[0-9A-Z]{8}-[0-9A-Z]+-V1/);
		expect(text).toMatch(/Page 1 \/ 1/);
	});

	it("draws the certifier's logo when one is set, and numbers every page", async () => {
		const logo = { bytes: squarePng(), type: 'image/png' };
		const pdf = await convocationPdf(convocation(), { name: 'École de la donnée', logo });
		expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain('École de la donnée Organisme certificateur');
		expect(pdfImages(pdf)).toBe(1);
		const blocks = Array.from({ length: 70 }, (_, index) => `BC${index} — Analyse prédictive de données structurées`);
		const attestation = await attestationPdf({
			certifier: { name: 'Jedha', logo },
			reference: 'ATT-1',
			certification: 'Concepteur Développeur en Science des Données (RNCP 35288, niveau 6)',
			sessionName: 'Session du 12/11/2026',
			candidateName: 'Hugo Lambert',
			outcome: 'Titre obtenu',
			validatedBlocks: blocks,
			issuedOn: '12 novembre 2026',
			decidedAt: new Date('2026-11-12T17:00:00Z')
		});
		const text = pdfText(attestation).replace(/\s+/g, ' ');
		expect(text).toContain("Jedha, organisme certificateur, atteste qu'Hugo Lambert a présenté");
		expect(text).toContain('Réf. ATT-1 Page 1 / 2');
		expect(text).toContain('Réf. ATT-1 Page 2 / 2');
		expect(pdfImages(attestation)).toBe(2);
	});

	it('adds a line on accommodations when the candidate has extra time', async () => {
		const text = pdfText(
			await convocationPdf(
				convocation({ candidate: { id: 'c5', name: 'Inès Garcia', timezone: 'Europe/Paris', extraTimePercent: 33 } }),
				jedha
			)
		).replace(/\s+/g, ' ');
		expect(text).toContain('Aménagement');
		expect(text).toContain('temps majoré de 33 %');
	});
});
