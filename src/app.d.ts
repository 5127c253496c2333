import type { Database, DatabaseKind } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/auth-repository';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			db: Database;
			databaseKind: DatabaseKind;
			user: SessionUser | null;
			sessionId: string | null;
		}
	}
}

export {};
