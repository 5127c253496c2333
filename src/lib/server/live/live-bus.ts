import { openDatabase } from '../db';
import { createLiveBus, type LiveBus } from './bus';

let opening: Promise<LiveBus> | null = null;

/** The process's one listening connection, opened on first use and closed when the server stops. */
export function liveBus(): Promise<LiveBus> {
	if (!opening) {
		opening = openDatabase().then(createLiveBus);
		process.once('sveltekit:shutdown', () => void opening?.then((bus) => bus.close()));
	}
	return opening;
}
