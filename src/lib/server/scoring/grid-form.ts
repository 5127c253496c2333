import { gridFieldName } from '$lib/domain/scoring/form-fields';
import type { GridForm } from './scoring-service';

/** Reads the grid posted without JavaScript; the service checks every value against the référentiel. */
export function readGridForm(form: FormData): GridForm {
	const keys = new Set(form.getAll(gridFieldName.key).map(String));
	const grid: GridForm = {
		keys,
		levels: {},
		criteria: {},
		comments: {},
		notes: form.has(gridFieldName.notes) ? String(form.get(gridFieldName.notes)) : null
	};
	for (const key of keys) {
		const level = form.get(gridFieldName.level(key));
		if (level !== null) grid.levels[key] = String(level);
		grid.criteria[key] = form.getAll(gridFieldName.criteria(key)).map(Number);
		const comment = form.get(gridFieldName.comment(key));
		if (comment !== null) grid.comments[key] = String(comment);
	}
	return grid;
}
