// French strings of the sessions area.
export const sessions = {};
