import { describe, expect, it } from 'vitest';
import { proxyWithoutAddressHeader } from './client-address';

describe('proxyWithoutAddressHeader', () => {
	it('warns when requests come through a proxy and ADDRESS_HEADER is unset, and only then', () => {
		const forwarded = new Headers({ 'x-forwarded-for': '203.0.113.9' });
		expect(proxyWithoutAddressHeader(forwarded, {})).toContain('ADDRESS_HEADER');
		expect(proxyWithoutAddressHeader(forwarded, { ADDRESS_HEADER: 'x-forwarded-for' })).toBeNull();
		expect(proxyWithoutAddressHeader(new Headers(), {})).toBeNull();
		expect(proxyWithoutAddressHeader(new Headers({ forwarded: 'for=203.0.113.9' }), {})).toContain('forwarded');
	});
});
