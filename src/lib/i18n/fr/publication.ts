// French strings of the publication area.
export const publication = {};
