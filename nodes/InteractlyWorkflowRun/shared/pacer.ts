import { sleep } from 'n8n-workflow';

const MAX_GAP_MS = 2_000;
const FIRST_GAP_AFTER_429_MS = 5;

/**
 * Spaces out request starts for one node execution. A 429 widens the gap between starts for every
 * item, so the execution settles near the server's rate instead of hammering it; each success
 * narrows the gap again a little. Created per execution: nothing outlives it or is shared between
 * executions or queue-mode workers.
 */
export class Pacer {
	private gapMs = 0;

	private nextStartAt = 0;

	async waitForTurn() {
		const now = Date.now();
		const startAt = Math.max(now, this.nextStartAt);
		this.nextStartAt = startAt + this.gapMs;
		if (startAt > now) await sleep(startAt - now);
	}

	recordSuccess() {
		this.gapMs = Math.max(0, this.gapMs * 0.99 - 0.01);
	}

	recordRateLimit() {
		this.gapMs = Math.min(MAX_GAP_MS, Math.max(FIRST_GAP_AFTER_429_MS, this.gapMs * 1.5));
	}
}
