import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './guards';

describe('safeRedirectTarget', () => {
	it.each(['/coordination', '/coordination/sessions/3?onglet=planning#jurys', '/jury/soutenances/1'])(
		'keeps a path of the app: %s',
		(target) => {
			expect(safeRedirectTarget(target, '/candidat')).toBe(target);
		}
	);

	it.each([
		null,
		'',
		'coordination',
		'//evil.example/x',
		'/\\evil.example/x',
		'/\t/evil.example/x',
		'/\n/evil.example/x',
		'/\r/evil.example/x',
		'\t//evil.example/x',
		'/\u0000/x',
		'/\\\t/evil.example',
		'https://evil.example/x',
		'/ /evil.example/x',
		'/\u007f/evil.example/x',
		'/coordination\u2028'
	])('falls back for anything a browser could read as another site, or that carries a control character: %j', (target) => {
		expect(safeRedirectTarget(target, '/candidat')).toBe('/candidat');
	});
});
