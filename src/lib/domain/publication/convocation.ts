import type { RoomSnapshot } from './plan-diff';

/** Everything a candidate is told about their defense; shared by the e-mail, the PDF, the ICS and the page. */
export interface Convocation {
	sessionId: string;
	sessionName: string;
	blockCode: string;
	/** "RNCP 35288 — Concepteur Développeur en Science des Données" */
	certification: string;
	sessionTimezone: string;
	/** The session's address, for defenses in a physical room. */
	address: string | null;
	candidate: { id: string; name: string; timezone: string; extraTimePercent: number };
	/** The other members of the candidate's team, who defend with them. */
	teammates: string[];
	projectTitle: string;
	start: Date;
	end: Date;
	room: RoomSnapshot | null;
	durations: { presentation: number; questions: number; deliberation: number };
	/** The plan version this convocation comes from. */
	version: number;
	/** The calendar UID of the defense (see defenseUid). */
	uid: string;
}

/** Minutes the candidate (or team) is in front of the jury: the defense without the jury's deliberation. */
export function passageMinutes(convocation: Pick<Convocation, 'start' | 'end' | 'durations'>): number {
	return Math.round((convocation.end.getTime() - convocation.start.getTime()) / 60_000) - convocation.durations.deliberation;
}

/**
 * One calendar UID per defense, from its session and its candidates (a team always defends
 * together), so a moved defense updates the calendar entry instead of adding a second one.
 */
export function defenseUid(sessionId: string, candidates: string[]): string {
	return `${sessionId}.${[...candidates].sort()[0]}@soutenance`;
}

/** Version 1 sends SEQUENCE 0; each later publication raises it, so calendars take the newest. */
export function icsSequence(version: number): number {
	return Math.max(0, version - 1);
}
