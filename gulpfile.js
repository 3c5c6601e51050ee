const { src, dest } = require('gulp');

// `n8n-node build` copies icons too, but wipes dist/ first; this task runs after it so the package
// layout does not depend on that CLI detail. Binary-safe: gulp 5 re-encodes files unless told not to.
function buildIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
