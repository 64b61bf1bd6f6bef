// Loaded by every mocha worker (hardhat.config.ts → test.mocha.require) before any test file.
// In parallel mode Hardhat starts the workers with NODE_OPTIONS=--import tsx/esm so they can load the
// TypeScript tests. Processes the tests spawn (the `mintkit` binary, `node -e` entry checks, scripts)
// would inherit it, each paying tsx's start-up and its hooks on every import, and would not run as a user
// runs them. The worker has already loaded tsx; only its children lose it.
const options = process.env.NODE_OPTIONS;
if (options !== undefined) {
  const rest = options.replace(/--import[= ]+("[^"]*[/\\]tsx[/\\][^"]*"|\S*[/\\]tsx[/\\]\S*)/g, "").trim();
  if (rest === "") delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = rest;
}
