import { Pacer, type Clock } from '../../nodes/InteractlyWorkflowRun/shared/pacer';

/** A clock that only moves when told to, or when the pacer sleeps. */
function fakeClock() {
	const clock = { time: 0, slept: [] as number[] };
	const api: Clock = {
		now: () => clock.time,
		sleep: async (ms) => {
			clock.slept.push(ms);
			clock.time += ms;
		},
	};
	return { clock, api };
}

/** Starts `count` requests one millisecond apart; returns their start times. */
async function startEveryMs(pacer: Pacer, clock: { time: number }, count: number) {
	const starts: number[] = [];
	for (let i = 0; i < count; i++) {
		starts.push(await pacer.waitForTurn());
		clock.time += 1;
	}
	return starts;
}

describe('Pacer', () => {
	it('lets requests start at once until a 429 arrives', async () => {
		const { clock, api } = fakeClock();
		const pacer = new Pacer(api);
		expect(await startEveryMs(pacer, clock, 5)).toEqual([0, 1, 2, 3, 4]);
		expect(clock.slept).toEqual([]);
		expect(pacer.gap).toBe(0);
	});

	it('after a 429, spaces every start 10 % wider than the pace the server refused', async () => {
		const { clock, api } = fakeClock();
		const pacer = new Pacer(api);
		const starts = await startEveryMs(pacer, clock, 11);
		pacer.recordRateLimit(starts[10]);
		expect(pacer.gap).toBeCloseTo(1.1);

		clock.time = 100;
		const paced = [await pacer.waitForTurn(), await pacer.waitForTurn(), await pacer.waitForTurn()];
		expect(paced.map((start) => Math.round(start * 10) / 10)).toEqual([100, 101.1, 102.2]);
	});

	it('slows down once for a burst of 429s to requests sent at the old pace', async () => {
		const { clock, api } = fakeClock();
		const pacer = new Pacer(api);
		const starts = await startEveryMs(pacer, clock, 11);
		for (const start of starts.slice(6)) pacer.recordRateLimit(start);
		expect(pacer.gap).toBeCloseTo(1.1);

		const later = await pacer.waitForTurn();
		clock.time += 5;
		pacer.recordRateLimit(later);
		expect(pacer.gap).toBeCloseTo(1.21);
	});

	it('narrows the gap a little with each success, never below zero', async () => {
		const { clock, api } = fakeClock();
		const pacer = new Pacer(api);
		pacer.recordRateLimit(await pacer.waitForTurn());
		expect(pacer.gap).toBeCloseTo(1.1);
		for (let i = 0; i < 50; i++) pacer.recordSuccess();
		expect(pacer.gap).toBeCloseTo(1.0);
		for (let i = 0; i < 1000; i++) pacer.recordSuccess();
		expect(pacer.gap).toBe(0);
		expect(clock.slept).toEqual([]);
	});

	it('never spaces starts more than 2 s apart', async () => {
		const { clock, api } = fakeClock();
		const pacer = new Pacer(api);
		for (let i = 0; i < 200; i++) {
			const start = await pacer.waitForTurn();
			clock.time += 1;
			pacer.recordRateLimit(start);
		}
		expect(pacer.gap).toBe(2000);
	});
});
