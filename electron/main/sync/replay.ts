/**
 * A pulled record older than the row it would replace: a replayed answer, which changes nothing.
 * A bootstrap (generation above 0) is the centre's word as of its snapshot — after a restore its
 * versions may be lower than the station's — so it is never a replay.
 */
export const isReplay = (generation: number, version: number, held: number | undefined): boolean => generation === 0 && held !== undefined && version < held;
