// Preloaded (node --import) into the server the browser tests start: should the test runner be
// killed before its teardown runs, the server notices it has a new parent and stops as well.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();
