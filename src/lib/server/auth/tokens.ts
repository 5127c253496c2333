import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 160 random bits, as the Lucia guide does for session tokens. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** Only this digest is stored, so a leaked table gives no usable token. */
export function tokenId(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
