// Preloaded (--import) into the API the benchmark profiles with --cpu-prof: SIGUSR2 ends it with a
// normal exit, which is when Node writes the profile (Nest re-raises SIGTERM, and a process ended
// by a signal writes none).
process.on('SIGUSR2', () => process.exit(0));
