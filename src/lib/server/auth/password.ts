import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB of memory, two passes, one lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
// Hashing costs time in proportion to the input: a megabyte-long "password" is a denial of service.
export const MAX_PASSWORD_LENGTH = 256;

export function isStrongEnough(password: string): boolean {
	return [...password].length >= MIN_PASSWORD_LENGTH;
}

export function isTooLong(password: string): boolean {
	return password.length > MAX_PASSWORD_LENGTH;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
	// No password is that long: nothing to hash to know it is wrong.
	if (isTooLong(password)) return false;
	// Without a hash we still spend the time of a verification, so timing does not reveal which accounts exist.
	if (!passwordHash) {
		await hash(password, ARGON2ID);
		return false;
	}
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}
