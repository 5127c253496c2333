import { juries as messages } from '$lib/i18n/fr/juries';
import { juryCompositionBreaches, sameCompany, type CompositionBreach } from '../planning/constraints';

/** What the composition rules need to know about a juror. */
export interface JurorFacts {
	id: string;
	name: string;
	company: string | null;
	external: boolean;
	presidentEligible: boolean;
}

/**
 * Why a jury may not sit (docs/DESIGN.md, journey step 3, "Juries"): at least 2 members, a president who is a member
 * and may preside, at least half the members external. Empty when the jury is valid. Shared by
 * the jury form (live, in the browser) and the service (on submit).
 */
export function compositionProblems(members: JurorFacts[], presidentId: string | null): string[] {
	const problem = (breach: CompositionBreach): string => {
		switch (breach.rule) {
			case 'tooFewMembers':
				return messages.tooFewMembers;
			case 'presidentMissing':
				return messages.presidentMissing;
			case 'presidentNotMember':
				return messages.presidentNotMember;
			case 'presidentNotEligible':
				return messages.presidentNotEligible(members.find((member) => member.id === breach.presidentId)!.name);
			case 'notEnoughExternal':
				return messages.notEnoughExternal(breach.external, breach.members);
		}
	};
	return juryCompositionBreaches(members, presidentId).map(problem);
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
			const reason =
				declaration?.reason ?? (sameCompany(member.company, candidate.company) ? messages.sameCompany(member.company!.trim()) : null);
			if (reason)
				conflicts.push({ candidateId: candidate.id, candidateName: candidate.name, jurorId: member.id, jurorName: member.name, reason });
		}
	}
	return conflicts;
}
