using Tradehall.Web.Hosting;

return await Cli.RunAsync(args);

/// <summary>The entry point; the test host finds the application through it.</summary>
public partial class Program;
