// Preloaded (node --require, or NODE_OPTIONS) into the Node processes this project's commands start, such
// as Prism, a check step's tools and Stryker's runners: the process ends when whoever started it goes away,
// even if that one was killed outright and could not stop it. Portable: on Linux and macOS an orphan is
// re-parented, which changes process.ppid; on Windows it is not, but signal 0 no longer reaches the dead
// parent. STOP_WITH_PID names one more process to outlive no longer (the command at the top, since a shell
// between it and this process would survive it). The check costs nothing and keeps no process alive.
const parent = process.ppid;
const anchor = Number(process.env.STOP_WITH_PID) || undefined;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return error.code === "EPERM";
  }
}

const timer = setInterval(() => {
  if (process.ppid === parent && alive(parent) && (anchor === undefined || alive(anchor))) return;
  clearInterval(timer);
  // Its own SIGTERM handlers run first (a contract run stops its Prism); it is ended shortly after regardless.
  setTimeout(() => process.exit(1), 5_000).unref();
  process.kill(process.pid, "SIGTERM");
}, 250);
timer.unref();
