import { afterAll, describe, expect, it } from 'vitest';
import { echoPool } from '../../../tests/fixtures/workers/echo-pool';

const pool = echoPool();
afterAll(() => pool.close());

describe('worker pool', () => {
	it('runs more tasks than workers, each answered with its own result', async () => {
		const inputs = Array.from({ length: 7 }, (_, index) => `tâche ${index}`);
		expect(await Promise.all(inputs.map((input) => pool.run(input)))).toEqual(inputs.map((input) => input.toUpperCase()));
	});

	it('rejects a task that throws with its message, and goes on with the next', async () => {
		await expect(pool.run('refuse')).rejects.toThrow('refusé');
		expect(await pool.run('encore')).toBe('ENCORE');
	});

	it('replaces a worker that dies: its task fails, the tasks queued behind it are answered', async () => {
		const outcomes = await Promise.allSettled(['crash', 'a', 'b', 'c'].map((input) => pool.run(input)));
		expect(outcomes[0]).toMatchObject({ status: 'rejected' });
		expect(outcomes.slice(1)).toEqual(['A', 'B', 'C'].map((value) => ({ status: 'fulfilled', value })));
	});
});
