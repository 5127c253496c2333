import { referentiels } from '$lib/domain/referentiel/referentiel';

/** The choices of the settings form: known référentiels and the IANA zones of this runtime. */
export function sessionFormOptions() {
	return {
		referentiels: referentiels.map((referentiel) => ({
			id: referentiel.id,
			label: `RNCP ${referentiel.certification.rncpCode.replace(/^RNCP/i, '')} · ${referentiel.certification.title} (v${referentiel.version})`,
			questions: { min: referentiel.epreuve.questionsMinutes.min, max: referentiel.epreuve.questionsMinutes.max }
		})),
		timezones: Intl.supportedValuesOf('timeZone')
	};
}
