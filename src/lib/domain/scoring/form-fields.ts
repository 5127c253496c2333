/** Names of the grid's form fields (the page without JavaScript posts them), shared by the page and the server's reader. */
export const gridFieldName = {
	/** One hidden "<candidate>|<competency>" per editable competency: a locked grid posts none. */
	key: 'grid',
	level: (key: string) => `level:${key}`,
	criteria: (key: string) => `criteria:${key}`,
	comment: (key: string) => `comment:${key}`,
	notes: 'notes'
};

export const entryKey = (candidateId: string, code: string) => `${candidateId}|${code}`;
