// Preloaded (node --require) into processes this project starts, such as Prism:
// the process ends when the process that started it goes away, even if that one
// was killed outright and could not stop it. Linux re-parents an orphan, which
// changes its parent pid; the check costs nothing and keeps no process alive.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 250).unref();
