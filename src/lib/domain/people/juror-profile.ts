export interface JurorProfile {
	company: string | null;
	expertise: string[];
	external: boolean;
	presidentEligible: boolean;
}

/** "NLP, vision ,, nlp" → ["NLP", "vision"]: trimmed, empty and repeated tags (any case) dropped. */
export function parseTags(text: string): string[] {
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const raw of text.split(',')) {
		const tag = raw.trim().replace(/\s+/g, ' ');
		const key = tag.toLocaleLowerCase('fr');
		if (!tag || seen.has(key)) continue;
		seen.add(key);
		tags.push(tag);
	}
	return tags;
}

/** A juror profile from a form: checkboxes post "on" when ticked and nothing otherwise. */
export function jurorProfileFromForm(raw: {
	company?: string;
	expertise?: string;
	external?: string;
	presidentEligible?: string;
}): JurorProfile {
	const company = (raw.company ?? '').trim().replace(/\s+/g, ' ');
	return {
		company: company || null,
		expertise: parseTags(raw.expertise ?? ''),
		external: raw.external === 'on',
		presidentEligible: raw.presidentEligible === 'on'
	};
}
