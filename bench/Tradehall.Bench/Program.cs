using Tradehall.Bench;

// Verbs: `ledger` (BIL-02 postings per second), `chat` (MSG-02, RUN-03 live message latency), `search` (MKT-02 latency),
// `startup` (the site's start in a warm process). Each prints its figure as the last line of standard output; progress and logs go to standard error.
// The application's content root is the program's folder, not wherever it was started from: its
// appsettings.json is the site's, and nothing watches a busy working directory for changes.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var root = new RootCommand("Tradehall benchmarks: the product's own services against a real database.");
root.Subcommands.Add(LedgerBenchmark.Command());
root.Subcommands.Add(ChatBenchmark.Command());
root.Subcommands.Add(SearchBenchmark.Command());
root.Subcommands.Add(StartupBenchmark.Command());
return await root.Parse(args).InvokeAsync();
