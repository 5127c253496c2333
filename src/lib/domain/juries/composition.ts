import { sessions as messages } from '$lib/i18n/fr/sessions';

/** What the composition rules need to know about a juror. */
export interface JurorFacts {
	id: string;
	name: string;
	company: string | null;
	external: boolean;
	presidentEligible: boolean;
}

/**
 * Why a jury may not sit (DESIGN.md, "Juries"): at least 2 members, a president who is a member
 * and may preside, at least half the members external. Empty when the jury is valid. Shared by
 * the jury form (live, in the browser) and the service (on submit).
 */
export function compositionProblems(members: JurorFacts[], presidentId: string | null): string[] {
	const problems: string[] = [];
	if (members.length < 2) problems.push(messages.jury.tooFewMembers);
	if (!presidentId) {
		problems.push(messages.jury.presidentMissing);
	} else {
		const president = members.find((member) => member.id === presidentId);
		if (!president) problems.push(messages.jury.presidentNotMember);
		else if (!president.presidentEligible) problems.push(messages.jury.presidentNotEligible(president.name));
	}
	const external = members.filter((member) => member.external).length;
	if (members.length > 0 && external * 2 < members.length) problems.push(messages.jury.notEnoughExternal(external, members.length));
	return problems;
}

/** Company names compare trimmed and case-insensitively; a missing company conflicts with nobody. */
export function sameCompany(a: string | null | undefined, b: string | null | undefined): boolean {
	const left = (a ?? '').trim().toLocaleLowerCase('fr');
	const right = (b ?? '').trim().toLocaleLowerCase('fr');
	return left !== '' && left === right;
}

export interface CandidateFacts {
	id: string;
	name: string;
	company: string | null;
}

export interface DeclaredConflict {
	jurorId: string;
	candidateId: string;
	reason: string;
}

export interface JuryConflict {
	candidateId: string;
	candidateName: string;
	jurorId: string;
	jurorName: string;
	reason: string;
}

/**
 * The candidates a jury cannot hear: a member declared a conflict with them, or works for the
 * same company. The scheduler keeps them apart per defense; the coordinator sees them here.
 */
export function juryConflicts(members: JurorFacts[], candidates: CandidateFacts[], declared: DeclaredConflict[]): JuryConflict[] {
	const conflicts: JuryConflict[] = [];
	for (const candidate of candidates) {
		for (const member of members) {
			const declaration = declared.find((conflict) => conflict.jurorId === member.id && conflict.candidateId === candidate.id);
			const reason = declaration?.reason ?? (sameCompany(member.company, candidate.company) ? messages.jury.sameCompany(member.company!.trim()) : null);
			if (reason) conflicts.push({ candidateId: candidate.id, candidateName: candidate.name, jurorId: member.id, jurorName: member.name, reason });
		}
	}
	return conflicts;
}
