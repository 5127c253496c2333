import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSchedule } from '../src/lib/domain/planning/check';
import type { PlanningProblem, Schedule } from '../src/lib/domain/planning/types';

const fixture = join(import.meta.dirname, '../tests/fixtures/planning/small.json');
const run = (...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'schedule.ts'), ...args], { encoding: 'utf8' });

describe('npm run schedule', () => {
	const directory = mkdtempSync(join(tmpdir(), 'schedule-cli-'));

	it('writes a valid schedule and exits 0', () => {
		const output = join(directory, 'schedule.json');
		const result = run('--input', fixture, '--output', output, '--seed', '3', '--time-limit', '5');
		expect(result.status).toBe(0);
		const schedule = JSON.parse(readFileSync(output, 'utf8')) as Schedule;
		expect(schedule.format).toBe('soutenance.schedule/1');
		expect(schedule.defenses[0]).toEqual({
			candidates: ['C1'],
			jury: 'A',
			room: 'R1',
			start: '2026-12-07T09:00:00+01:00',
			end: '2026-12-07T09:25:00+01:00'
		});
		expect(typeof schedule.stats.elapsedMs).toBe('number');
		const problem = JSON.parse(readFileSync(fixture, 'utf8')) as PlanningProblem;
		expect(checkSchedule(problem, schedule)).toEqual([]);

		const replanned = join(directory, 'replanned.json');
		expect(run('--input', fixture, '--output', replanned, '--previous', output).status).toBe(0);
		expect((JSON.parse(readFileSync(replanned, 'utf8')) as Schedule).stats.moved).toBe(0);
	});

	it('exits 2 on an invalid problem, one error a line, without writing the output', () => {
		const problem = JSON.parse(readFileSync(fixture, 'utf8')) as PlanningProblem;
		problem.juries[0].president = 'J4';
		problem.juries[1].members = ['J3'];
		const input = join(directory, 'invalid.json');
		writeFileSync(input, JSON.stringify(problem));
		const output = join(directory, 'never.json');
		const result = run('--input', input, '--output', output);
		expect(result.status).toBe(2);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toContain('jury A');
		expect(lines[1]).toContain('jury B');
		expect(existsSync(output)).toBe(false);
	});

	it('exits 1 with the usage on bad arguments', () => {
		const result = run('--input', fixture);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('usage:');
	});
});
