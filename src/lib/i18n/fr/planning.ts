// French strings of the planning area.
export const planning = {};
