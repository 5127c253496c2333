import { describe, expect, it } from 'vitest';
import { certification } from '$lib/i18n/fr/certification';
import { maskPersonalLinks } from './personal-links';

const text = [
	'Bonjour, activez votre compte : https://soutenance.example/invitation/ab12cd34ef56gh78ij90kl12mn34op56',
	'ou réinitialisez-le : http://localhost:3000/mot-de-passe/zz99yy88xx77ww66vv55uu44tt33ss22.',
	'Votre convocation : https://soutenance.example/candidat'
].join('\n');

describe('maskPersonalLinks', () => {
	it('where mail is delivered, masks the token of invitation and reset links, and leaves every other link and word alone', () => {
		expect(maskPersonalLinks(text, true)).toBe(
			[
				'Bonjour, activez votre compte : https://soutenance.example/invitation/••••••',
				'ou réinitialisez-le : http://localhost:3000/mot-de-passe/••••••.',
				'Votre convocation : https://soutenance.example/candidat'
			].join('\n')
		);
	});

	it('where mail stays in the outbox, still masks reset links (anyone may ask for one) and shows invitations, delivered by hand', () => {
		expect(maskPersonalLinks(text, false)).toBe(
			[
				'Bonjour, activez votre compte : https://soutenance.example/invitation/ab12cd34ef56gh78ij90kl12mn34op56',
				'ou réinitialisez-le : http://localhost:3000/mot-de-passe/••••••.',
				'Votre convocation : https://soutenance.example/candidat'
			].join('\n')
		);
	});

	it('masks the one-time code of a signing mail, as the mail writes it, with or without delivery', () => {
		for (const delivered of [true, false]) {
			const masked = maskPersonalLinks(certification.codeMail.text('Claire Martin', 'Jury A', '042917'), delivered);
			expect(masked).toContain('Code de signature : ••••••');
			expect(masked).not.toContain('042917');
		}
	});
});
