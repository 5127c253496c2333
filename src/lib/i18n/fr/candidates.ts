// French strings of the candidates area.
export const candidates = {};
