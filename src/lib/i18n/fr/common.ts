// Labels that pages of every area show. Pages import this part (and their area's file) rather than
// the whole catalogue, so the browser gets only the strings it displays.
export const common = {
	app: { name: 'Soutenance', tagline: 'Jurys de certification RNCP' },
	roles: { coordinator: 'Coordination', juror: 'Juré·e', candidate: 'Candidat·e' } as Record<string, string>,
	defenseStatus: { planned: 'Prévue', in_progress: 'En cours', done: 'Terminée', absent: 'Absence' } as Record<string, string>
};
