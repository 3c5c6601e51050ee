import { sleep } from 'n8n-workflow';

const MAX_GAP_MS = 2_000;
// How much a 429 widens the gap between starts (the rate falls to 1 / SLOWDOWN of what it was) ...
const SLOWDOWN = 1.1;
// ... and how much each success narrows it again, in milliseconds: slowly, so the rate stays just under the server's limit.
const SPEEDUP_STEP_MS = 0.002;
const RECENT_STARTS = 50;

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep };

/**
 * Spaces out request starts for one node execution (AIMD): a 429 widens the gap between starts for
 * every item, each success narrows it a little, so the execution settles just under the server's rate
 * instead of hammering it. Created per execution: nothing outlives it or is shared between executions
 * or queue-mode workers.
 */
export class Pacer {
	private gapMs = 0;

	private nextStartAt = 0;

	private slowedAt = -Infinity;

	private readonly recentStarts: number[] = [];

	constructor(private readonly clock: Clock = realClock) {}

	/** Waits for this request's turn; returns its start time, to pass to `recordRateLimit`. */
	async waitForTurn(): Promise<number> {
		const now = this.clock.now();
		const startAt = Math.max(now, this.nextStartAt);
		this.nextStartAt = startAt + this.gapMs;
		this.recentStarts.push(startAt);
		if (this.recentStarts.length > RECENT_STARTS) this.recentStarts.shift();
		if (startAt > now) await this.clock.sleep(startAt - now);
		return startAt;
	}

	recordSuccess() {
		this.gapMs = Math.max(0, this.gapMs - SPEEDUP_STEP_MS);
	}

	/** A 429 to a request started at `startedAt`; ones sent before the last slowdown were sent too fast already. */
	recordRateLimit(startedAt: number) {
		if (startedAt < this.slowedAt) return;
		this.slowedAt = this.clock.now();
		this.gapMs = Math.min(MAX_GAP_MS, Math.max(this.gapMs, this.observedGapMs()) * SLOWDOWN);
	}

	/** The current gap, in milliseconds. */
	get gap() {
		return this.gapMs;
	}

	/** Mean time between the recent starts: the pace the server has just refused. */
	private observedGapMs() {
		const starts = this.recentStarts;
		return starts.length < 2 ? 1 : (starts[starts.length - 1] - starts[0]) / (starts.length - 1);
	}
}
